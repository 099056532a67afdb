public import ObligeSyntax

/// What fails the gate of `oblige check`, as given by `--fail-on`.
public struct GatePolicy: Sendable, Hashable, CustomStringConvertible {
    /// A prohibited practice applies.
    public var prohibited = false
    /// An obligation, transparency requirement or right applies and the `compliance:` section
    /// does not account for it.
    public var unacknowledged = false
    /// A rule that binds the subject may apply but facts are missing, and no entry covers it.
    public var undetermined = false
    /// Obligations starting within this many days that are neither implemented nor planned.
    public var upcomingWithinDays: Int?
    /// A duty with `met_when` is engaged and not met.
    public var gaps = false
    /// A waiver has expired.
    public var expired = false
    /// A compliance entry names no rule that applies (or may apply, or is upcoming).
    public var stale = false

    /// `prohibited,unacknowledged,expired`: the gate a product team starts with.
    public static let standard = GatePolicy(prohibited: true, unacknowledged: true, expired: true)

    /// The words `--fail-on` accepts.
    public static let words = ["prohibited", "unacknowledged", "undetermined", "upcoming", "gaps", "expired", "stale", "none"]

    public init(prohibited: Bool = false, unacknowledged: Bool = false, undetermined: Bool = false,
                upcomingWithinDays: Int? = nil, gaps: Bool = false, expired: Bool = false, stale: Bool = false) {
        self.prohibited = prohibited
        self.unacknowledged = unacknowledged
        self.undetermined = undetermined
        self.upcomingWithinDays = upcomingWithinDays
        self.gaps = gaps
        self.expired = expired
        self.stale = stale
    }

    /// Reads a comma-separated list such as `prohibited,unacknowledged,upcoming:90d`.
    /// `upcoming` alone means 90 days; `none` gates on nothing.
    public init(parsing text: String) throws(DiagnosticError) {
        for word in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingSpaces }) {
            let parts = word.split(separator: ":", maxSplits: 1)
            let name = parts.first.map(String.init) ?? ""
            switch name {
            case "prohibited": prohibited = true
            case "unacknowledged": unacknowledged = true
            case "undetermined": undetermined = true
            case "gaps": gaps = true
            case "expired": expired = true
            case "stale": stale = true
            case "none" where parts.count == 1: break
            case "upcoming":
                guard parts.count == 2 else {
                    upcomingWithinDays = 90
                    continue
                }
                guard let days = Self.days(parts[1]) else {
                    throw DiagnosticError(.error(
                        "usage.fail-on", "'\(word)': give the window as days, for example upcoming:90d", at: nil))
                }
                upcomingWithinDays = days
            default:
                throw DiagnosticError(Diagnostic.error(
                    "usage.fail-on",
                    "'\(word)' is not a gate condition (expected: \(Self.words.joined(separator: ", ")))", at: nil
                ).suggesting(Suggestions.closest(to: name, among: Self.words)))
            }
        }
    }

    /// `90d`, `90` or `12w`.
    private static func days(_ text: Substring) -> Int? {
        if let number = Int(text), number >= 0 { return number }
        guard let unit = text.last, let number = Int(text.dropLast()), number >= 0 else { return nil }
        switch unit {
        case "d": return number
        case "w": return number * 7
        default: return nil
        }
    }

    /// The policy as `--fail-on` would take it.
    public var description: String {
        var words: [String] = []
        if prohibited { words.append("prohibited") }
        if unacknowledged { words.append("unacknowledged") }
        if undetermined { words.append("undetermined") }
        if let days = upcomingWithinDays { words.append("upcoming:\(days)d") }
        if gaps { words.append("gaps") }
        if expired { words.append("expired") }
        if stale { words.append("stale") }
        return words.isEmpty ? "none" : words.joined(separator: ",")
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
