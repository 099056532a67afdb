import Oblige

/// The human-readable report of `oblige check`: per subject, prohibitions first and loud, then
/// each instrument's findings grouped by kind (transparency requirements in their own group),
/// then what is upcoming, exempt or undetermined, then instruments that are not law, then the
/// open questions.
public struct TextReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        report.subjects.map { subject($0, gate: $1) }.joined(separator: "\n" + String(repeating: "─", count: 72) + "\n\n")
    }

    func subject(_ evaluation: Evaluation, gate: GateResult) -> String {
        var lines: [String] = []
        let name = evaluation.facts.name.map { "\($0) (\(evaluation.facts.file))" } ?? evaluation.facts.file
        lines.append("\(name) — as of \(evaluation.asOf)")
        lines.append("")
        let labels = classificationLines(evaluation)
        if !labels.isEmpty {
            lines += labels
            lines.append("")
        }

        let prohibited = evaluation.outcomes.filter {
            $0.status == .applies && evaluation.rule(of: $0).kind == .prohibition
        }
        if !prohibited.isEmpty {
            lines.append("!! PROHIBITED PRACTICES (\(prohibited.count)) — these must stop")
            for outcome in prohibited {
                lines.append("  !! " + headline(outcome, in: evaluation, withInstrument: true))
                lines.append(("     " + evaluation.rule(of: outcome).summary).wrapped(width: 100, indent: "     "))
            }
            lines.append("")
        }

        let binding = evaluation.outcomes.filter { $0.status != .notInForce }
        var whollyInapplicable: [String] = []
        for (instrumentIndex, instrument) in evaluation.rulebook.instruments.enumerated() {
            let outcomes = binding.filter { evaluation.rule(of: $0).instrument == instrumentIndex }
            guard !outcomes.isEmpty else { continue }
            if outcomes.allSatisfy({ $0.status == .notApplicable }) {
                whollyInapplicable.append("\(instrument.shortName) (\(plural(outcomes.count, "rule")))")
                continue
            }
            lines.append("== \(instrument.title) — \(instrument.reference) [\(instrument.status(on: evaluation.asOf).rawValue.replacingUnderscores())] ==")
            lines += section(outcomes, in: evaluation)
            lines.append("")
        }
        if !whollyInapplicable.isEmpty {
            lines.append("== Instruments that do not apply at all (`oblige explain RULE-ID` shows why) ==")
            lines.append("  " + whollyInapplicable.joined(separator: ", ").wrapped(width: 98, indent: "  "))
            lines.append("")
        }

        let notInForce = evaluation.outcomes.filter { $0.status == .notInForce }
        if !notInForce.isEmpty {
            lines.append("== Not in force: proposals and withdrawn instruments (not binding law) ==")
            for (instrumentIndex, instrument) in evaluation.rulebook.instruments.enumerated() {
                let outcomes = notInForce.filter { evaluation.rule(of: $0).instrument == instrumentIndex }
                guard !outcomes.isEmpty else { continue }
                var status = instrument.status(on: evaluation.asOf).rawValue.replacingUnderscores()
                if let since = instrument.statusDate(on: evaluation.asOf) { status += " since \(since)" }
                lines.append("  \(instrument.title) — \(instrument.reference) [\(status)]")
                for outcome in outcomes where outcome.conditionStatus != .notApplicable {
                    lines.append("    • " + headline(outcome, in: evaluation) + " — would \(wouldBe(outcome.conditionStatus)) if it were law")
                }
                let inapplicable = outcomes.filter { $0.conditionStatus == .notApplicable }.count
                if inapplicable == outcomes.count {
                    lines.append("    none of its \(plural(inapplicable, "rule")) would apply")
                } else if inapplicable > 0 {
                    lines.append("    (\(inapplicable) more would not apply)")
                }
            }
            lines.append("")
        }

        let presumptions = evaluation.presumptionsUsed()
        if !presumptions.isEmpty {
            lines.append("Assumed, because the manifest does not say (state these facts to confirm or change them):")
            for fact in presumptions {
                lines.append("  • \(fact.path) = \(fact.value?.description ?? "?") — \(fact.declaration.presumed?.reason ?? "")"
                    .wrapped(width: 100, indent: "    "))
            }
            lines.append("")
        }

        let questions = evaluation.questions()
        if !questions.isEmpty {
            lines.append("Questions, most decisive first (answer them in the manifest):")
            for (number, question) in questions.prefix(10).enumerated() {
                let item = question.itemLabel.map { " [\($0)]" } ?? ""
                let waiting = question.decides.count == 1 ? "1 finding waits" : "\(question.decides.count) findings wait"
                lines.append("  \(number + 1). \(question.path)\(item) — \(question.question) (\(waiting) on it)")
            }
            if questions.count > 10 {
                lines.append("  … and \(questions.count - 10) more: run `oblige questions \(evaluation.facts.file)`")
            }
            lines.append("")
        }

        let counts = evaluation.statusCounts
        let summary = FindingStatus.allCases.compactMap { status -> String? in
            guard let count = counts[status], count > 0 else { return nil }
            return "\(count) \(status == .applies ? (count == 1 ? "applies" : "apply") : status.words)"
        }
        let gaps = evaluation.outcomes.filter(\.isGap).count
        lines.append("Summary: " + summary.joined(separator: ", ") + (gaps > 0 ? " (\(plural(gaps, "gap")): duties engaged and not met)" : ""))
        lines += gateLines(gate, in: evaluation)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The gate's verdict: the failing issues by reason (long lists as short citations), then a
    /// count of the issues this policy does not gate on.
    private func gateLines(_ gate: GateResult, in evaluation: Evaluation) -> [String] {
        let failures = gate.failures
        var lines = ["", "Gate (--fail-on \(gate.policy)): " + (gate.passed ? "passed" : "FAILED, \(plural(failures.count, "issue"))")]
        for reason in GateReason.allCases {
            let issues = failures.filter { $0.reason == reason }
            guard !issues.isEmpty else { continue }
            let name = reason.rawValue.replacingUnderscores()
            if issues.count > 3 {
                lines.append("  ✘ \(name) (\(issues.count)): \(evaluation.citations(of: issues, nonBreaking: true))".wrapped(width: 100, indent: "      "))
            } else {
                for issue in issues {
                    let place = issue.entry.map { " (\($0.location))" } ?? ""
                    lines.append("  ✘ \(name): \(issue.message)\(place)".wrapped(width: 100, indent: "      "))
                }
            }
            if reason == .unacknowledged {
                lines.append("      → record each under compliance: (status: implemented, planned or not_applicable with a justification)")
            }
        }
        let others = Dictionary(grouping: gate.issues.filter { !$0.failsGate }, by: \.reason)
        let noted = GateReason.allCases.compactMap { reason in others[reason].map { "\($0.count) \(reason.rawValue.replacingUnderscores())" } }
        if !noted.isEmpty {
            lines.append("  Not gated by this policy: " + noted.joined(separator: ", "))
        }
        for issue in others[.stale] ?? [] {
            lines.append("  • stale: \(issue.message)\(issue.entry.map { " (\($0.location))" } ?? "")".wrapped(width: 100, indent: "      "))
        }
        return lines
    }

    /// One line per classification that found a value or waits on facts.
    private func classificationLines(_ evaluation: Evaluation) -> [String] {
        evaluation.classifications.compactMap { outcome in
            let classification = evaluation.rulebook.classifications[outcome.classification]
            let item = evaluation.itemLabel(of: outcome).map { " [\($0)]" } ?? ""
            if let value = outcome.value {
                let chosen = classification.values[value]
                let article = chosen.article.map { " (\($0))" } ?? ""
                let detail = chosen.description.map { " — \($0)" } ?? ""
                return "  \(classification.title)\(item): \(chosen.label.replacingUnderscores())\(article)\(detail)"
            }
            guard outcome.isUndetermined else { return nil }
            let missing = evaluation.missingFacts(of: outcome).map { evaluation.path(of: $0) }
            return "  \(classification.title)\(item): undetermined — needs: \(missing.joined(separator: ", "))"
        }
    }

    private func section(_ outcomes: [Outcome], in evaluation: Evaluation) -> [String] {
        var lines: [String] = []
        let applying = outcomes.filter { $0.status == .applies }
        for kind in RuleKind.allCases.sorted() where kind != .prohibition {
            let group = applying.filter {
                let rule = evaluation.rule(of: $0)
                return kind == .transparency ? rule.isTransparencyRequirement : (rule.kind == kind && !rule.isTransparencyRequirement)
            }
            guard !group.isEmpty else { continue }
            if group.contains(where: { evaluation.rule(of: $0).assessesMet }) {
                lines += assessed(group, kind: kind, in: evaluation)
                continue
            }
            lines.append("  \(kind.heading) that apply (\(group.count))")
            for outcome in group {
                lines.append("    • " + headline(outcome, in: evaluation))
                if kind == .transparency, let transparency = evaluation.rule(of: outcome).transparency {
                    let audience = transparency.audience.map { $0.rawValue.replacingUnderscores() }.joined(separator: ", ")
                    let when = transparency.when.map { " (\($0))" } ?? ""
                    lines.append(("      → \(audience): \(transparency.what)\(when)").wrapped(width: 100, indent: "        "))
                }
            }
        }
        let upcoming = outcomes.filter { $0.status == .upcoming }
        if !upcoming.isEmpty {
            lines.append("  Upcoming (\(upcoming.count))")
            for outcome in upcoming {
                let from = outcome.appliesFrom.map { " — applies from \($0)" } ?? ""
                lines.append("    • " + headline(outcome, in: evaluation) + from)
            }
        }
        let exempt = outcomes.filter { $0.status == .exempt }
        if !exempt.isEmpty {
            lines.append("  Exempt (\(exempt.count))")
            for outcome in exempt {
                let rule = evaluation.rule(of: outcome)
                let exemption = outcome.exemption.map { rule.exemptions[$0] }
                let reason = exemption.map { [$0.article, $0.summary].compactMap { $0 }.joined(separator: ": ") } ?? ""
                lines.append("    • " + headline(outcome, in: evaluation) + (reason.isEmpty ? "" : " — exempt: \(reason)"))
            }
        }
        let undetermined = outcomes.filter { $0.status == .undetermined }
        if !undetermined.isEmpty {
            lines.append("  Undetermined (\(undetermined.count)) — missing facts")
            for outcome in undetermined {
                let missing = evaluation.missingFacts(of: outcome).map { evaluation.path(of: $0) }
                lines.append("    • " + headline(outcome, in: evaluation) + " — needs: " + missing.joined(separator: ", "))
            }
        }
        let inapplicable = outcomes.filter { $0.status == .notApplicable }.count
        if inapplicable > 0 {
            lines.append("  Not applicable: \(plural(inapplicable, "rule")) (`oblige explain RULE-ID` shows why)")
        }
        return lines
    }

    /// Duties that the subject can meet or leave unmet: engaged and met, engaged and not met
    /// (gaps, with what is lacking), and engaged but not yet assessable.
    private func assessed(_ group: [Outcome], kind: RuleKind, in evaluation: Evaluation) -> [String] {
        let met = group.filter { $0.met == .yes }
        let gaps = group.filter { $0.met == .no }
        let open = group.filter { $0.met == .unknown }
        let plain = group.filter { $0.met == nil }
        var lines = ["  \(kind == .stateDuty ? "State duties engaged" : kind.heading + " that apply") (\(group.count)): "
                     + "\(met.count) met, \(plural(gaps.count, "gap")), \(open.count) not assessable yet"]
        for outcome in gaps {
            lines.append("    ✘ GAP  " + headline(outcome, in: evaluation))
            if let gap = evaluation.rule(of: outcome).gap {
                lines.append("           lacking: \(gap)".wrapped(width: 100, indent: "             "))
            }
        }
        for outcome in met { lines.append("    ✔ met  " + headline(outcome, in: evaluation)) }
        for outcome in open {
            let missing = evaluation.missingFacts(of: outcome).map { evaluation.path(of: $0) }
            lines.append("    ? open " + headline(outcome, in: evaluation) + " — needs: " + missing.joined(separator: ", "))
        }
        for outcome in plain { lines.append("    •      " + headline(outcome, in: evaluation)) }
        return lines
    }

    private func headline(_ outcome: Outcome, in evaluation: Evaluation, withInstrument: Bool = false) -> String {
        let rule = evaluation.rule(of: outcome)
        var text = withInstrument ? "\(evaluation.instrument(of: outcome).shortName) \(rule.article)" : rule.article
        text += " — \(rule.title)"
        if let label = evaluation.itemLabel(of: outcome) { text += " [\(label)]" }
        text += " (\(rule.id))"
        if rule.confidence != .high { text += " {confidence: \(rule.confidence.rawValue)}" }
        if let entry = evaluation.complianceEntry(for: outcome) { text += " " + Self.tag(entry, on: evaluation.asOf) }
        return text
    }

    /// What the `compliance:` section says about a finding, in brackets.
    static func tag(_ entry: ComplianceEntry, on date: CivilDate) -> String {
        switch entry.status {
        case .implemented, .planned: "[\(entry.status.words)]"
        case .notApplicable: "[not applicable per compliance: \(entry.justification ?? "")]"
        case .waived:
            if entry.isExpired(on: date) { "[WAIVER EXPIRED \(entry.expires.map(String.init(describing:)) ?? "")]" }
            else { "[waived until \(entry.expires.map(String.init(describing:)) ?? "")]" }
        }
    }

    private func wouldBe(_ status: FindingStatus) -> String {
        switch status {
        case .applies: "apply"
        case .upcoming: "apply later"
        case .exempt: "be exempt"
        case .undetermined: "depend on missing facts"
        default: "not apply"
        }
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
