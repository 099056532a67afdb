/// When each finding of a subject changes status over time, with the law as it stood on each date.
public struct Timeline: Sendable {
    /// A finding (rule, and item for per-item rules) whose status changes on a date.
    public struct Change: Sendable {
        public let date: CivilDate
        public let rule: Int
        public let item: Int?
        public let itemLabel: String?
        /// `nil` before the first date examined.
        public let from: FindingStatus?
        public let to: FindingStatus
    }

    /// An instrument whose legal status changes on a date.
    public struct InstrumentEvent: Sendable {
        public let date: CivilDate
        public let instrument: Int
        public let status: InstrumentStatus
    }

    /// Every date examined, in order.
    public let dates: [CivilDate]
    public let changes: [Change]
    public let instrumentEvents: [InstrumentEvent]
    /// The statuses on the first date examined.
    public let initial: Evaluation

    /// Evaluates `facts` on every date where something can change — application dates, the dates
    /// of parameter values, instruments' status changes, and the dates the subject's own findings
    /// give — and records every change of status between consecutive dates.
    public static func compute(rulebook: Rulebook, facts: Facts, around asOf: CivilDate) -> Timeline {
        var candidates = Set<CivilDate>([asOf])
        for instrument in rulebook.instruments {
            for entry in instrument.history { candidates.insert(entry.date) }
            if let date = instrument.entryIntoForce { candidates.insert(date) }
            if let date = instrument.appliesFrom { candidates.insert(date) }
        }
        for parameter in rulebook.parameters {
            for entry in parameter.values {
                candidates.insert(entry.date)
                if case .date(let date) = entry.value { candidates.insert(date) }
            }
        }
        for rule in rulebook.rules {
            if let date = rule.constantAppliesFrom { candidates.insert(date) }
        }
        // The subject's own dates (designation + 4 months, placing on the market, …), found by
        // evaluating on the dates known so far; two rounds reach dates that depend on dated values.
        var examined = Set<CivilDate>()
        for _ in 0..<2 {
            for date in candidates.subtracting(examined).sorted() {
                examined.insert(date)
                let evaluation = Evaluator(rulebook: rulebook, asOf: date).evaluate(facts)
                for outcome in evaluation.outcomes {
                    if let from = outcome.appliesFrom { candidates.insert(from) }
                    if let until = outcome.appliesUntil { candidates.insert(until) }
                }
            }
        }
        let dates = candidates.sorted()
        var changes: [Change] = []
        var previous: [Outcome]?
        var initial: Evaluation?
        for date in dates {
            let evaluation = Evaluator(rulebook: rulebook, asOf: date).evaluate(facts)
            if initial == nil { initial = evaluation }
            if let previous {
                for (before, after) in zip(previous, evaluation.outcomes) where before.status != after.status {
                    changes.append(Change(date: date, rule: after.rule, item: after.item,
                                          itemLabel: evaluation.itemLabel(of: after), from: before.status, to: after.status))
                }
            }
            previous = evaluation.outcomes
        }
        var events: [InstrumentEvent] = []
        for (index, instrument) in rulebook.instruments.enumerated() {
            for entry in instrument.history { events.append(InstrumentEvent(date: entry.date, instrument: index, status: entry.status)) }
        }
        events.sort { ($0.date, $0.instrument) < ($1.date, $1.instrument) }
        return Timeline(dates: dates, changes: changes, instrumentEvents: events,
                        initial: initial ?? Evaluator(rulebook: rulebook, asOf: asOf).evaluate(facts))
    }
}
