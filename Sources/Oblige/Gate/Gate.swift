public import ObligeSyntax

/// Why a finding or a compliance entry needs attention.
public enum GateReason: String, Sendable, CaseIterable {
    /// A prohibited practice applies.
    case prohibited
    /// An obligation, transparency requirement or right applies and no entry accounts for it.
    case unacknowledged
    /// A rule that binds the subject may apply; facts are missing and no entry accounts for it.
    case undetermined
    /// An obligation starts within the policy's window and is neither implemented nor planned.
    case upcoming
    /// A duty with `met_when` is engaged and not met.
    case gap
    /// The waiver covering a finding has expired.
    case expiredWaiver = "expired_waiver"
    /// A compliance entry names no rule that applies, may apply or is upcoming.
    case stale

    /// Whether `policy` makes this reason fail the gate.
    public func fails(under policy: GatePolicy) -> Bool {
        switch self {
        case .prohibited: policy.prohibited
        case .unacknowledged: policy.unacknowledged
        case .undetermined: policy.undetermined
        case .upcoming: policy.upcomingWithinDays != nil
        case .gap: policy.gaps
        case .expiredWaiver: policy.expired
        case .stale: policy.stale
        }
    }
}

/// One thing the gate reports: a finding or a compliance entry that needs action.
public struct GateIssue: Sendable, Hashable {
    public let reason: GateReason
    /// Index into ``Rulebook/rules`` of the rule concerned.
    public let rule: Int
    /// Index into ``Evaluation/outcomes`` when the issue is about a finding.
    public let outcome: Int?
    /// The compliance entry involved (an expired waiver, a stale entry).
    public let entry: ComplianceEntry?
    /// True when the policy makes the issue fail the gate.
    public let failsGate: Bool
    /// One sentence for people.
    public let message: String
}

/// The gate's answer for one subject: which entry accounts for each finding, and the issues.
public struct GateResult: Sendable {
    public let policy: GatePolicy
    /// Per outcome (the indices of ``Evaluation/outcomes``): the entry that accounts for it.
    public let entries: [ComplianceEntry?]
    /// In rulebook order of the findings, then the stale entries in manifest order.
    public let issues: [GateIssue]

    public var passed: Bool { !issues.contains(where: \.failsGate) }
    public var failures: [GateIssue] { issues.filter(\.failsGate) }

    /// The issue about the outcome at `index`, if any.
    public func issue(forOutcome index: Int) -> GateIssue? {
        issues.first { $0.outcome == index }
    }
}

extension Rule {
    /// Rules that ask something of the subject and so need an answer in `compliance:` when they
    /// apply: obligations, transparency requirements and rights of individuals. Prohibitions,
    /// liability rules and State duties are gated by their own conditions.
    public var needsAcknowledgement: Bool {
        switch kind {
        case .obligation, .transparency, .right: true
        case .prohibition, .liability, .stateDuty: false
        }
    }
}

extension Evaluation {
    /// The entry of the `compliance:` section that speaks to `outcome`: the one naming its item
    /// first, then the one naming the rule as a whole.
    public func complianceEntry(for outcome: Outcome) -> ComplianceEntry? {
        let label = itemLabel(of: outcome)
        let entries = facts.compliance.filter { $0.rule == outcome.rule }
        return entries.first { $0.item != nil && $0.item == label } ?? entries.first { $0.item == nil }
    }

    /// Applies the gate: what each finding's compliance entry is, and what needs action.
    public func gate(_ policy: GatePolicy) -> GateResult {
        var entries: [ComplianceEntry?] = []
        var issues: [GateIssue] = []
        var usedEntries = Set<ComplianceEntry>()
        func add(_ reason: GateReason, _ index: Int?, _ entry: ComplianceEntry?, _ message: String) {
            let rule = index.map { outcomes[$0].rule } ?? entry?.rule ?? 0
            issues.append(GateIssue(reason: reason, rule: rule, outcome: index, entry: entry,
                                    failsGate: reason.fails(under: policy), message: message))
        }
        for (index, outcome) in outcomes.enumerated() {
            let entry = complianceEntry(for: outcome)
            entries.append(entry)
            guard [.applies, .undetermined, .upcoming].contains(outcome.status) else { continue }
            if let entry { usedEntries.insert(entry) }
            let rule = rule(of: outcome)
            let name = describe(outcome)
            if let entry, let expires = entry.expires, entry.isExpired(on: asOf) {
                add(.expiredWaiver, index, entry, "the waiver of \(name) expired on \(expires)")
                continue
            }
            guard entry == nil else { continue }
            switch outcome.status {
            case .applies where rule.kind == .prohibition:
                add(.prohibited, index, nil, "\(name) is a prohibited practice, and it applies")
            case .applies where rule.needsAcknowledgement:
                add(.unacknowledged, index, nil, "\(name) applies and the compliance section does not account for it")
            case .applies where outcome.isGap:
                add(.gap, index, nil, "\(name) is engaged and not met" + (rule.gap.map { ": \($0)" } ?? ""))
            case .undetermined where rule.needsAcknowledgement || rule.kind == .prohibition:
                let missing = missingFacts(of: outcome).map(path(of:))
                add(.undetermined, index, nil,
                    "\(name) may apply; it depends on \(missing.joined(separator: ", "))")
            case .upcoming where rule.needsAcknowledgement:
                guard let days = policy.upcomingWithinDays, let from = outcome.appliesFrom,
                      from <= asOf.adding(days: days) else { continue }
                add(.upcoming, index, nil, "\(name) applies from \(from) and is neither implemented nor planned")
            default:
                break
            }
        }
        for entry in facts.compliance where !usedEntries.contains(entry) {
            add(.stale, nil, entry, "the compliance entry '\(entry.key)' names no rule that applies, may apply or is upcoming")
        }
        return GateResult(policy: policy, entries: entries, issues: issues)
    }

    /// `GDPR Art. 37 [item]`: the short citation of a finding.
    public func citation(of outcome: Outcome) -> String {
        "\(instrument(of: outcome).shortName) \(rule(of: outcome).article)" + (itemLabel(of: outcome).map { " [\($0)]" } ?? "")
    }

    /// `GDPR Art. 37 — Designate a data protection officer [item]`.
    public func describe(_ outcome: Outcome) -> String {
        let rule = rule(of: outcome)
        let item = itemLabel(of: outcome).map { " [\($0)]" } ?? ""
        return "\(instrument(of: outcome).shortName) \(rule.article) — \(rule.title)\(item)"
    }
}

extension Evaluation {
    /// The manifest position that best explains a finding: the first stated fact its conditions
    /// read (the item's own facts first, for per-item rules), else the item, else the top of the
    /// manifest. CI annotations point here.
    public func decidingLocation(of outcome: Outcome) -> SourceLocation {
        let root = trace(of: outcome, expandingPredicates: true).when
        func firstStated(_ node: TraceNode, itemFactsOnly: Bool) -> SourceLocation? {
            for fact in node.facts where !fact.isPresumed && (!itemFactsOnly || fact.reference.item != nil) {
                if let location = fact.location { return location }
            }
            for child in node.children where child.value != nil {
                if let location = firstStated(child, itemFactsOnly: itemFactsOnly) { return location }
            }
            return nil
        }
        if outcome.item != nil, let location = firstStated(root, itemFactsOnly: true) { return location }
        if let location = firstStated(root, itemFactsOnly: false) { return location }
        if let item = outcome.item, let collection = rule(of: outcome).collection {
            return facts.location(ofItem: item, in: collection)
        }
        return facts.location
    }
}
