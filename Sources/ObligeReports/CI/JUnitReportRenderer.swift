import Oblige
import ObligeSyntax

/// JUnit XML, which every CI system can display: one test suite per subject and instrument,
/// one test case per finding. A case fails when its finding fails the gate (unacknowledged,
/// prohibited, expired waiver, …), is skipped when the rule does not apply (not applicable,
/// exempt, not in force), and passes otherwise. Compliance entries that fail the gate on their
/// own (stale ones, under `--fail-on stale`) get a suite of their own.
public struct JUnitReportRenderer: ReportRenderer {
    public init() {}

    private struct Case {
        var classname: String
        var name: String
        var failure: (type: String, message: String)?
        var skipped: String?
        var output: String?
    }

    private struct Suite {
        var name: String
        var cases: [Case]
        var failures: Int { cases.filter { $0.failure != nil }.count }
        var skipped: Int { cases.filter { $0.skipped != nil }.count }
    }

    public func render(_ report: Report) -> String {
        let suites = report.subjects.flatMap { self.suites(for: $0, gate: $1) }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"oblige\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">",
        ]
        for suite in suites {
            lines.append("  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.cases.count)\" "
                         + "failures=\"\(suite.failures)\" errors=\"0\" skipped=\"\(suite.skipped)\">")
            for testCase in suite.cases {
                let open = "    <testcase classname=\"\(Self.escape(testCase.classname))\" name=\"\(Self.escape(testCase.name))\""
                var body: [String] = []
                if let failure = testCase.failure {
                    body.append("      <failure type=\"\(Self.escape(failure.type))\" message=\"\(Self.escape(failure.message))\"/>")
                }
                if let skipped = testCase.skipped { body.append("      <skipped message=\"\(Self.escape(skipped))\"/>") }
                if let output = testCase.output { body.append("      <system-out>\(Self.escape(output))</system-out>") }
                if body.isEmpty {
                    lines.append(open + "/>")
                } else {
                    lines.append(open + ">")
                    lines += body
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func suites(for evaluation: Evaluation, gate: GateResult) -> [Suite] {
        var suites: [Suite] = []
        for (instrumentIndex, instrument) in evaluation.rulebook.instruments.enumerated() {
            var cases: [Case] = []
            for (index, outcome) in evaluation.outcomes.enumerated()
            where evaluation.rule(of: outcome).instrument == instrumentIndex {
                let rule = evaluation.rule(of: outcome)
                let item = evaluation.itemLabel(of: outcome).map { "[\($0)]" } ?? ""
                var testCase = Case(classname: "\(instrument.pack).\(rule.id)", name: "\(rule.article) — \(rule.title)\(item)")
                let issue = gate.issue(forOutcome: index)
                if let issue, issue.failsGate {
                    testCase.failure = (issue.reason.rawValue, issue.message)
                } else if [.notApplicable, .exempt, .notInForce].contains(outcome.status) {
                    testCase.skipped = outcome.status.words
                }
                var notes = ["status: \(outcome.status.words)"]
                if let entry = gate.entries[index] { notes.append("compliance: \(entry.status.words)") }
                if let issue, !issue.failsGate { notes.append("\(issue.reason.rawValue) (not gated): \(issue.message)") }
                notes.append(rule.url)
                testCase.output = notes.joined(separator: "\n")
                cases.append(testCase)
            }
            if !cases.isEmpty { suites.append(Suite(name: "\(evaluation.subjectName) — \(instrument.shortName)", cases: cases)) }
        }
        let entryIssues = gate.issues.filter { $0.outcome == nil && $0.failsGate }
        if !entryIssues.isEmpty {
            suites.append(Suite(name: "\(evaluation.subjectName) — compliance entries", cases: entryIssues.map { issue in
                Case(classname: "compliance", name: issue.entry?.key ?? evaluation.rulebook.rules[issue.rule].id,
                     failure: (issue.reason.rawValue, issue.message), skipped: nil, output: issue.entry?.location.description)
            }))
        }
        return suites
    }

    /// Text for an XML attribute or element: markup characters and control characters escaped,
    /// copying the runs between them in one go.
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(bytes.count + 16)
            var runStart = 0
            for index in bytes.indices {
                let replacement: String
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case UInt8(ascii: "\n"): replacement = "&#10;"
                case UInt8(ascii: "\t"): replacement = "&#9;"
                case UInt8(ascii: "\r"): replacement = "&#13;"
                case 0..<0x20: replacement = "\u{FFFD}"  // not allowed in XML 1.0
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: replacement.utf8)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
