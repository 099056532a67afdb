public import ObligeSyntax

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
