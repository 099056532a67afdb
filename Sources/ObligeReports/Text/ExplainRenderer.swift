public import Oblige

/// `oblige explain`: one rule for one subject, with its condition tree, each node's value,
/// and each fact's value and manifest position.
public struct ExplainRenderer: Sendable {
    public init() {}

    public func render(_ outcomes: [Outcome], in evaluation: Evaluation) -> String {
        outcomes.map { explain($0, in: evaluation) }.joined(separator: "\n")
    }

    func explain(_ outcome: Outcome, in evaluation: Evaluation) -> String {
        let rule = evaluation.rule(of: outcome)
        let instrument = evaluation.instrument(of: outcome)
        var lines: [String] = []
        var title = "\(rule.id) — \(rule.title)"
        if let label = evaluation.itemLabel(of: outcome) { title += " [\(label)]" }
        lines.append(title)
        lines.append("  \(instrument.title) (\(instrument.reference)), \(rule.article)")
        lines.append("  \(rule.url)")
        lines.append("  Kind: \(rule.kind.rawValue.replacingUnderscores()); addressee: \(rule.addressee)")
        var status = "  Status on \(evaluation.asOf): \(outcome.status.words)"
        if outcome.status == .notInForce {
            status += " (the instrument is \(instrument.status(on: evaluation.asOf).rawValue); if it were law: \(outcome.conditionStatus.words))"
        }
        if let from = outcome.appliesFrom { status += "; applies from \(from)" }
        if let until = outcome.appliesUntil { status += "; until \(until)" }
        lines.append(status)
        lines.append("  Summary: \(rule.summary)".wrapped(width: 100, indent: "    "))
        if let note = rule.note { lines.append("  Note: \(note)".wrapped(width: 100, indent: "    ")) }
        if let guidance = rule.guidance { lines.append("  Guidance: \(guidance)".wrapped(width: 100, indent: "    ")) }
        if rule.confidence != .high { lines.append("  Confidence: \(rule.confidence.rawValue)") }
        lines.append("")

        let trace = evaluation.trace(of: outcome)
        var shown = Set<String>()
        lines.append("Conditions (when):")
        lines += tree(trace.when, depth: 1, shown: &shown)
        if !trace.exemptions.isEmpty {
            lines.append("Exemptions (unless):")
            for (index, node) in trace.exemptions.enumerated() {
                let exemption = rule.exemptions[index]
                if let article = exemption.article {
                    lines.append("  \(article)\(exemption.summary.map { ": \($0)" } ?? "")")
                }
                lines += tree(node, depth: exemption.article == nil ? 1 : 2, shown: &shown)
            }
        }
        if let dates = rule.appliesFromText {
            let computed = outcome.appliesFrom.map(\.description) ?? (outcome.dateIsUnknown ? "unknown" : "no date")
            lines.append("Applies from: \(dates)" + (computed == dates ? "" : " → \(computed)"))
            for node in trace.dates { lines += tree(node, depth: 1, shown: &shown) }
        }
        if let until = rule.appliesUntilText {
            lines.append("Applies until: \(until)\(outcome.appliesUntil.map { " → \($0)" } ?? "")")
        }
        if let met = trace.met {
            let verdict = outcome.met.map { $0 == .yes ? "met" : ($0 == .no ? "NOT MET (a gap)" : "not assessable yet") } ?? "not assessed"
            lines.append("Met when (\(verdict)):")
            lines += tree(met, depth: 1, shown: &shown)
            if outcome.isGap, let gap = rule.gap { lines.append("  Lacking: \(gap)") }
        }
        let missing = evaluation.missingFacts(of: outcome)
        if !missing.isEmpty {
            lines.append("")
            lines.append("Missing facts that would decide it:")
            for reference in missing {
                let traced = evaluation.traced(reference)
                lines.append("  \(traced.path) — \(traced.declaration.question)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One node and, below it, its facts and children. A predicate is expanded the first time
    /// only, and nodes that evaluation skipped are not expanded at all.
    private func tree(_ node: TraceNode, depth: Int, shown: inout Set<String>) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let value = "[\(node.value?.description ?? "not evaluated")]"
        var line = indent + value + " "
        var expand = node.value != nil
        switch node.role {
        case .predicate(let name):
            let key = name + "@" + (node.value?.description ?? "")
            if shown.contains(key) {
                line += "\(node.text)  (predicate \(name), expanded above)"
                expand = false
            } else {
                line += "\(node.text)  (predicate \(name))"
                if expand { shown.insert(key) }
            }
        case .item(let label): line += "item \(label)"
        case .condition: line += node.text
        }
        line += "  — \(node.location)"
        var lines = [line]
        let detail = indent + String(repeating: " ", count: value.count + 1)
        for fact in node.facts where node.value != nil {
            if let value = fact.value, let location = fact.location {
                lines.append("\(detail)\(fact.path) = \(value)  ← \(location)")
            } else if let value = fact.value, fact.isPresumed {
                lines.append("\(detail)\(fact.path) = \(value)  (presumed: not stated in the manifest)")
            } else {
                lines.append("\(detail)\(fact.path) is not stated — \(fact.declaration.question)")
            }
        }
        for parameter in node.parameters where node.value != nil {
            lines.append("\(detail)param.\(parameter.name) = \(parameter.value?.description ?? "no value on this date")")
        }
        if expand {
            for child in node.children { lines += tree(child, depth: depth + 1, shown: &shown) }
        }
        return lines
    }
}
