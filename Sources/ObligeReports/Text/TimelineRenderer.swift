public import Oblige

/// `oblige timeline`: on which dates obligations start and stop applying to a subject, with the
/// instruments' own milestones, and a marker at the evaluation date.
public struct TimelineRenderer: Sendable {
    public init() {}

    public func render(_ timeline: Timeline, asOf: CivilDate) -> String {
        let evaluation = timeline.initial
        let rulebook = evaluation.rulebook
        var lines = [
            "Timeline of \(evaluation.facts.name.map { "\($0) (\(evaluation.facts.file))" } ?? evaluation.facts.file)",
            "Each date's statuses follow the law as it stood on that date; '▸' starts to apply, '◂' stops.",
            "",
        ]
        var markerShown = false
        let relevant = timeline.changes.filter { $0.from == .applies || $0.to == .applies }
        // Milestones only of the instruments that bind this subject at some point.
        let involved = Set(relevant.map { rulebook.rules[$0.rule].instrument })
        let events = timeline.instrumentEvents.filter { involved.contains($0.instrument) }
        let eventDates = Set(relevant.map(\.date)).union(events.map(\.date))
        for date in eventDates.sorted() {
            if !markerShown, date > asOf {
                lines.append("── \(asOf) (evaluation date) ──")
                markerShown = true
            }
            var entries: [String] = []
            for event in events where event.date == date {
                let instrument = rulebook.instruments[event.instrument]
                entries.append("  \(instrument.shortName) (\(instrument.reference)) becomes \(event.status.rawValue.replacingUnderscores())")
            }
            for change in relevant where change.date == date {
                let rule = rulebook.rules[change.rule]
                let instrument = rulebook.instruments[rule.instrument]
                let arrow = change.to == .applies ? "▸" : "◂"
                var line = "  \(arrow) \(instrument.shortName) \(rule.article) — \(rule.title)"
                if let label = change.itemLabel { line += " [\(label)]" }
                line += " (\(rule.id))"
                if change.to != .applies { line += " — now \(change.to.words)" }
                entries.append(line)
            }
            guard !entries.isEmpty else { continue }
            lines.append(date.description)
            lines += entries
        }
        if !markerShown { lines.append("── \(asOf) (evaluation date) ──") }
        return lines.joined(separator: "\n") + "\n"
    }
}
