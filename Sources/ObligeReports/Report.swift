public import Oblige

/// What every renderer receives: the evaluations of one run (one per manifest) on one date,
/// and the gate's answer for each under one policy.
public struct Report: Sendable {
    public let asOf: CivilDate
    public let evaluations: [Evaluation]
    public let policy: GatePolicy
    /// One per evaluation, in the same order.
    public let gates: [GateResult]

    public init(asOf: CivilDate, evaluations: [Evaluation], policy: GatePolicy = .standard) {
        self.asOf = asOf
        self.evaluations = evaluations
        self.policy = policy
        self.gates = evaluations.map { $0.gate(policy) }
    }

    /// True when every subject passes the gate.
    public var passed: Bool { gates.allSatisfy(\.passed) }

    /// Each evaluation with its gate result.
    public var subjects: Zip2Sequence<[Evaluation], [GateResult]> { zip(evaluations, gates) }
}

/// Turns a report into text in one output format. Renderers never re-evaluate anything.
public protocol ReportRenderer: Sendable {
    func render(_ report: Report) -> String
}

extension Evaluation {
    /// The outcomes with `status`, in rulebook order (instrument, then the pack's own order).
    public func outcomes(withStatus status: FindingStatus) -> [Outcome] {
        outcomes.filter { $0.status == status }
    }

    /// How many outcomes have each status.
    public var statusCounts: [FindingStatus: Int] {
        var counts: [FindingStatus: Int] = [:]
        for outcome in outcomes { counts[outcome.status, default: 0] += 1 }
        return counts
    }

    /// `DSA Art. 9(1), 10(1), 11; GDPR Art. 5(1)`: the findings of some gate issues, by
    /// instrument. With `nonBreaking`, a citation never breaks across lines when wrapped.
    public func citations(of issues: [GateIssue], nonBreaking: Bool = false) -> String {
        var groups: [(instrument: String, articles: [String])] = []
        for outcome in issues.compactMap({ $0.outcome.map { outcomes[$0] } }) {
            let name = instrument(of: outcome).shortName
            var article = rule(of: outcome).article
            if let label = itemLabel(of: outcome) { article += " [\(label)]" }
            if groups.last?.instrument == name {
                // After the first, `Art. ` goes without saying.
                groups[groups.count - 1].articles.append(article.hasPrefix("Art. ") ? String(article.dropFirst(5)) : article)
            } else {
                groups.append((name, [article]))
            }
        }
        let space = nonBreaking ? "\u{00A0}" : " "
        return groups.map { group in
            (group.instrument + " " + group.articles.joined(separator: ", ")).replacing(" ", with: space)
                .replacing(",\(space)", with: ", ")
        }.joined(separator: "; ")
    }

    /// The subject's name, or the manifest's file name.
    public var subjectName: String { facts.name ?? facts.file }
}

extension FindingStatus {
    /// Words for people: "applies", "not applicable", …
    public var words: String { rawValue.replacingUnderscores() }
}

extension RuleKind {
    /// Plural heading for a group of findings of this kind.
    public var heading: String {
        switch self {
        case .prohibition: "Prohibitions"
        case .obligation: "Obligations"
        case .transparency: "Transparency requirements"
        case .right: "Rights of individuals"
        case .liability: "Liability rules"
        case .stateDuty: "State duties"
        }
    }
}

extension String {
    func replacingUnderscores() -> String {
        guard utf8.contains(UInt8(ascii: "_")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// The text broken into lines of at most `width` characters at spaces, each line after the
    /// first prefixed with `indent`.
    func wrapped(width: Int, indent: String) -> String {
        let leading = String(prefix { $0 == " " })
        var lines: [String] = []
        var line = leading
        for word in dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: true) {
            let fresh = line.isEmpty || (lines.isEmpty && line == leading)
            if !fresh, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty || (lines.isEmpty && line == leading) ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n" + indent)
    }
}
