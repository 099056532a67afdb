/// How one finding differs between the law as it is and the law with a draft.
public struct FindingChange: Sendable, Hashable {
    public enum Direction: String, Sendable, CaseIterable {
        /// The rule now applies (or will, or may) where it did not.
        case gained
        /// The rule no longer applies (or will not, or is exempt) where it did.
        case lost
        /// Something else changed: its status between two non-applying states, its date, or
        /// whether the subject meets it.
        case changed
    }

    public let direction: Direction
    public let ruleID: String
    /// The rule's citation and title as the draft (or, for a removed rule, the base) has them.
    public let title: String
    public let item: String?
    /// `nil` when the rule does not exist on that side (added or removed by the draft).
    public let before: FindingStatus?
    public let after: FindingStatus?
    public let beforeFrom: CivilDate?
    public let afterFrom: CivilDate?
    public let beforeMet: Truth?
    public let afterMet: Truth?
}

extension FindingStatus {
    /// Applies now, later, or perhaps: what a draft "captures".
    var binds: Bool { self == .applies || self == .upcoming || self == .undetermined }
}

/// The differences between two evaluations of the same manifest on the same date, one against
/// the built-in law and one with a draft layered on top: what `oblige diff` reports.
public struct Comparison: Sendable {
    public let base: Evaluation
    public let draft: Evaluation
    /// In the draft rulebook's order, then rules only the base has.
    public let changes: [FindingChange]

    public init(base: Evaluation, draft: Evaluation) {
        self.base = base
        self.draft = draft
        var baseOutcomes: [String: Outcome] = [:]
        for outcome in base.outcomes { baseOutcomes[Self.key(outcome, in: base)] = outcome }
        var changes: [FindingChange] = []
        var seen = Set<String>()
        for outcome in draft.outcomes {
            let key = Self.key(outcome, in: draft)
            seen.insert(key)
            let before = baseOutcomes[key]
            if let change = Self.change(before, in: base, outcome, in: draft) { changes.append(change) }
        }
        for outcome in base.outcomes where !seen.contains(Self.key(outcome, in: base)) {
            if let change = Self.change(outcome, in: base, nil, in: draft) { changes.append(change) }
        }
        self.changes = changes
    }

    /// `rule-id[item]`.
    private static func key(_ outcome: Outcome, in evaluation: Evaluation) -> String {
        evaluation.rule(of: outcome).id + (evaluation.itemLabel(of: outcome).map { "[\($0)]" } ?? "")
    }

    private static func change(_ before: Outcome?, in base: Evaluation, _ after: Outcome?, in draft: Evaluation) -> FindingChange? {
        let beforeStatus = before.map { $0.status == .notInForce ? .notApplicable : $0.status }
        let afterStatus = after.map { $0.status == .notInForce ? .notApplicable : $0.status }
        let same = beforeStatus == afterStatus && before?.appliesFrom == after?.appliesFrom && before?.met == after?.met
        guard !same else { return nil }
        let wasBinding = beforeStatus?.binds ?? false
        let isBinding = afterStatus?.binds ?? false
        let direction: FindingChange.Direction = isBinding && !wasBinding ? .gained : (wasBinding && !isBinding ? .lost : .changed)
        // Neither side binds and nothing but a non-binding status moved: not worth a line
        // (not applicable ↔ exempt ↔ absent).
        if !wasBinding && !isBinding && before?.met == after?.met { return nil }
        let (outcome, evaluation) = after.map { ($0, draft) } ?? (before.map { ($0, base) } ?? (nil, draft))
        guard let outcome else { return nil }
        let rule = evaluation.rule(of: outcome)
        return FindingChange(
            direction: direction, ruleID: rule.id,
            title: "\(evaluation.instrument(of: outcome).shortName) \(rule.article) — \(rule.title)",
            item: evaluation.itemLabel(of: outcome), before: beforeStatus, after: afterStatus,
            beforeFrom: before?.appliesFrom, afterFrom: after?.appliesFrom, beforeMet: before?.met, afterMet: after?.met)
    }
}
