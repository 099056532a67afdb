public import ObligeSyntax

/// One entry of a manifest's `compliance:` section: what the team has done about one rule (or
/// one item of a per-item rule).
///
/// ```yaml
/// compliance:
///   dsa.art16.notice-and-action: { status: implemented, evidence: docs/notice.md, owner: trust }
///   "ai_act.art26.human-oversight[TalentLens]": planned
///   dsa.art15.transparency-report:
///     status: waived
///     justification: First report due after the audit.
///     expires: 2027-03-31
/// ```
public struct ComplianceEntry: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        /// Done; `evidence` says where to see it.
        case implemented
        /// Work is scheduled.
        case planned
        /// The team holds that the rule does not apply, and says why in `justification`.
        case notApplicable = "not_applicable"
        /// A deliberate, time-limited exception: suppresses the finding until `expires`.
        case waived

        /// Words for people.
        public var words: String { rawValue.replacing("_", with: " ") }
    }

    /// The key as written: `rule-id` or `rule-id[item]`.
    public let key: String
    /// Index into ``Rulebook/rules``.
    public let rule: Int
    /// The item label, for an entry about one item of a per-item rule; `nil` covers every item.
    public let item: String?
    public let status: Status
    public let evidence: String?
    public let owner: String?
    public let justification: String?
    /// For waivers: the last day the waiver holds.
    public let expires: CivilDate?
    public let note: String?
    /// Where the entry's key is in the manifest.
    public let location: SourceLocation

    /// True for a waiver whose last day is before `date`.
    public func isExpired(on date: CivilDate) -> Bool {
        status == .waived && (expires.map { $0 < date } ?? false)
    }
}

/// Reads the `compliance:` section against the rulebook (rule ids) and the manifest's items
/// (item labels), reporting unknown ids and labels with a "did you mean".
struct ComplianceReader {
    static let entryKeys = ["status", "evidence", "owner", "justification", "expires", "note"]

    let rulebook: Rulebook
    let facts: Facts
    let reader = DocumentReader()

    func read(_ node: YAMLNode) throws(DiagnosticError) -> [ComplianceEntry] {
        guard let pairs = reader.mapping(node, "the compliance section") else {
            throw DiagnosticError(reader.diagnostics.sorted)
        }
        let entries = pairs.compactMap(entry)
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics.sorted) }
        return entries
    }

    private func entry(_ pair: YAMLPair) -> ComplianceEntry? {
        guard let (rule, item) = target(pair.key, at: pair.keyLocation) else { return nil }
        var status: ComplianceEntry.Status?
        var fields: [String: String] = [:]
        var expires: CivilDate?
        if pair.value.scalar != nil {
            // The short form `rule-id: implemented`.
            status = reader.choice(pair.value, "compliance status", as: ComplianceEntry.Status.self)
        } else if let entryPairs = reader.mapping(pair.value, "a compliance entry") {
            reader.checkKeys(entryPairs, in: "the compliance entry for '\(pair.key)'", at: pair.keyLocation,
                             allowed: Self.entryKeys, required: ["status"])
            for field in entryPairs {
                switch field.key {
                case "status": status = reader.choice(field.value, "compliance status", as: ComplianceEntry.Status.self)
                case "expires": expires = reader.date(field.value, "'expires'")
                case let key where Self.entryKeys.contains(key): fields[key] = reader.string(field.value, "'\(key)'")
                default: break
                }
            }
        }
        guard let status else { return nil }
        let kind = rulebook.rules[rule].kind
        switch status {
        case .notApplicable where fields["justification"] == nil:
            reader.error("compliance.missing-justification",
                         "'\(pair.key)' is marked not_applicable without a justification; say why it does not apply",
                         at: pair.keyLocation)
        case .waived where fields["justification"] == nil || expires == nil:
            reader.error("compliance.incomplete-waiver",
                         "the waiver of '\(pair.key)' needs a justification and an expires: date", at: pair.keyLocation)
        case .implemented, .planned:
            if kind == .prohibition {
                reader.error("compliance.prohibition-status",
                             "'\(pair.key)' is a prohibition: it cannot be \(status.rawValue); stop the practice, "
                             + "or mark it not_applicable (with a justification) or waived", at: pair.keyLocation)
            }
        default:
            break
        }
        if expires != nil && status != .waived {
            reader.error("compliance.expires-without-waiver",
                         "'expires' only applies to waivers (status: waived)", at: pair.keyLocation)
        }
        return ComplianceEntry(
            key: pair.key, rule: rule, item: item, status: status, evidence: fields["evidence"],
            owner: fields["owner"], justification: fields["justification"], expires: expires,
            note: fields["note"], location: pair.keyLocation)
    }

    /// The rule (and item label) a key names: `rule-id` or `rule-id[label]`.
    private func target(_ key: String, at location: SourceLocation) -> (Int, String?)? {
        var id = Substring(key)
        var label: String?
        if key.hasSuffix("]"), let open = key.firstIndex(of: "[") {
            id = key[..<open]
            label = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
        }
        guard let rule = rulebook.ruleIndex(of: String(id)) else {
            reader.diagnostics.add(Diagnostic.error(
                "compliance.unknown-rule", "no rule has the id '\(id)'", at: location
            ).suggesting(Suggestions.closest(to: String(id), among: rulebook.rules.map(\.id))))
            return nil
        }
        guard let label else { return (rule, nil) }
        guard let collection = rulebook.rules[rule].collection else {
            reader.error("compliance.unexpected-item",
                         "'\(id)' is not evaluated per item; write it without '[\(label)]'", at: location)
            return nil
        }
        let labels = (0..<facts.itemCount(in: collection)).map { facts.label(ofItem: $0, in: collection) }
        guard labels.contains(label) else {
            let name = rulebook.vocabulary.collections[collection].name
            reader.diagnostics.add(Diagnostic.error(
                "compliance.unknown-item", "the manifest lists no item '\(label)' in '\(name)'", at: location
            ).suggesting(Suggestions.closest(to: label, among: labels)))
            return nil
        }
        return (rule, label)
    }
}
