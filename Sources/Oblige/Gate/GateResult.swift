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
