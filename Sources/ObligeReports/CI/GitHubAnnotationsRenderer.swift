import Oblige
import ObligeSyntax

/// GitHub Actions workflow commands, one per gate issue, for a plain job log:
/// `::error file=oblige.yaml,line=12,col=3,title=DSA Art. 16::…`. Issues that fail the gate are
/// errors; the others are warnings (prohibitions, unacknowledged obligations, gaps, expired
/// waivers) or notices. A last line gives the verdict.
public struct GitHubAnnotationsRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        var lines: [String] = []
        for (evaluation, gate) in report.subjects {
            for issue in gate.issues {
                let rule = evaluation.rulebook.rules[issue.rule]
                let location = issue.entry.map(\.location)
                    ?? issue.outcome.map { evaluation.decidingLocation(of: evaluation.outcomes[$0]) }
                    ?? evaluation.facts.location
                let level: String
                if issue.failsGate {
                    level = "error"
                } else {
                    level = SARIFReportRenderer.level(issue.reason) == "note" ? "notice" : "warning"
                }
                let instrument = evaluation.rulebook.instruments[rule.instrument]
                let title = "\(instrument.shortName) \(rule.article) (\(rule.id))"
                lines.append("::\(level) file=\(Self.property(location.file)),line=\(location.line),col=\(location.column),"
                             + "title=\(Self.property(title))::\(Self.data(issue.message + ". See \(rule.url)"))")
            }
            let failures = gate.failures.count
            lines.append(gate.passed
                ? "oblige: \(evaluation.facts.file): gate passed (--fail-on \(report.policy))"
                : "oblige: \(evaluation.facts.file): gate FAILED with \(failures) issue\(failures == 1 ? "" : "s") (--fail-on \(report.policy))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes a command's message.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escapes a command property value.
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
