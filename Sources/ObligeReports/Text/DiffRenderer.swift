public import Oblige

/// `oblige diff`: per manifest, the findings a draft gains, loses or changes, then a portfolio
/// summary with the rules the draft moves most — what a policymaker asks of an amendment.
public struct DiffRenderer: Sendable {
    public init() {}

    public func render(_ comparisons: [Comparison], drafts: [String]) -> String {
        guard let first = comparisons.first else { return "" }
        var lines = ["Draft \(drafts.joined(separator: ", ")) against the law as it is — as of \(first.base.asOf)", ""]
        var counts: [FindingChange.Direction: Int] = [:]
        var perRule: [String: (title: String, gained: Int, lost: Int, changed: Int)] = [:]
        var ruleOrder: [String] = []
        for comparison in comparisons {
            let name = comparison.base.facts.name.map { "\($0) (\(comparison.base.facts.file))" } ?? comparison.base.facts.file
            guard !comparison.changes.isEmpty else {
                lines.append("\(name): no change")
                continue
            }
            lines.append("\(name)")
            for change in comparison.changes {
                counts[change.direction, default: 0] += 1
                if perRule[change.ruleID] == nil {
                    perRule[change.ruleID] = (change.title, 0, 0, 0)
                    ruleOrder.append(change.ruleID)
                }
                switch change.direction {
                case .gained: perRule[change.ruleID]?.gained += 1
                case .lost: perRule[change.ruleID]?.lost += 1
                case .changed: perRule[change.ruleID]?.changed += 1
                }
                let mark = switch change.direction {
                case .gained: "+ gained "
                case .lost: "− lost   "
                case .changed: "~ changed"
                }
                let item = change.item.map { " [\($0)]" } ?? ""
                lines.append("  \(mark) \(change.title)\(item) (\(change.ruleID)): \(Self.describe(change))")
            }
        }
        let changed = comparisons.filter { !$0.changes.isEmpty }.count
        lines.append("")
        lines.append("Portfolio: \(comparisons.count) manifest\(comparisons.count == 1 ? "" : "s"), \(changed) changed; "
                     + "findings gained \(counts[.gained] ?? 0), lost \(counts[.lost] ?? 0), changed \(counts[.changed] ?? 0)")
        let ranked = ruleOrder.sorted {
            let left = perRule[$0].map { $0.gained + $0.lost + $0.changed } ?? 0
            let right = perRule[$1].map { $0.gained + $0.lost + $0.changed } ?? 0
            return left != right ? left > right : $0 < $1
        }
        if !ranked.isEmpty {
            lines.append("Rules the draft moves, most manifests first:")
            for id in ranked.prefix(15) {
                guard let entry = perRule[id] else { continue }
                let parts = [(entry.gained, "gained"), (entry.lost, "lost"), (entry.changed, "changed")]
                    .filter { $0.0 > 0 }.map { "\($0.1) in \($0.0)" }
                lines.append("  \(entry.title) (\(id)): \(parts.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `applies → exempt`, `upcoming (from 2027-01-01) → applies`, `met → not met`.
    static func describe(_ change: FindingChange) -> String {
        func side(_ status: FindingStatus?, _ from: CivilDate?) -> String {
            guard let status else { return "no such rule" }
            return status.words + (status == .upcoming ? from.map { " (from \($0))" } ?? "" : "")
        }
        var text = "\(side(change.before, change.beforeFrom)) → \(side(change.after, change.afterFrom))"
        if change.before == change.after, change.beforeFrom != change.afterFrom {
            text = "applies from \(change.beforeFrom.map(String.init(describing:)) ?? "—") → \(change.afterFrom.map(String.init(describing:)) ?? "—")"
        }
        if change.beforeMet != change.afterMet {
            func met(_ value: Truth?) -> String {
                switch value {
                case .yes?: "met"
                case .no?: "not met"
                case .unknown?: "open"
                case nil: "not assessed"
                }
            }
            text += "; \(met(change.beforeMet)) → \(met(change.afterMet))"
        }
        return text
    }
}
