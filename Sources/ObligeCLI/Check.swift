import ArgumentParser
import Oblige
import ObligeSyntax
import ObligeReports


/// `oblige check`: evaluate manifests, report what applies, and apply the gate.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate manifests: which obligations and transparency requirements apply, and why.",
        discussion: """
            The gate: with the default --fail-on prohibited,unacknowledged,expired, check exits 1 \
            when a prohibited practice applies, when an obligation, transparency requirement or \
            right applies and the manifest's compliance: section does not account for it, or when \
            a waiver has expired. Other conditions: undetermined, upcoming:90d, gaps, stale; \
            'none' reports without gating.

            Several reports in one run: repeat --format, each with its own --output (paired in \
            order); a format without an --output goes to standard output.

            Exit codes: 0 the gate passed, 1 the gate failed, 2 bad input or usage.
            """)

    @Argument(help: ArgumentHelp("Manifests to evaluate (YAML or JSON).", valueName: "manifest"))
    var manifests: [String]

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    @Option(help: ArgumentHelp(
        "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")). Repeat for several reports.",
        valueName: "format"))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp("Write the report to this file (the n-th --output takes the n-th --format).",
                               valueName: "file"))
    var output: [String] = []

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "What fails the gate: a comma-separated list of \(GatePolicy.words.joined(separator: ", ")).",
        valueName: "conditions"))
    var failOn: String = GatePolicy.standard.description

    @Flag(help: "Leave the condition traces out of the JSON report (oblige explain shows one finding's).")
    var noTraces = false

    func validate() throws {
        let formats = max(format.count, 1)
        guard output.count <= formats else {
            throw ValidationError("\(output.count) --output files for \(formats) format\(formats == 1 ? "" : "s"): give a --format for each --output")
        }
        guard formats - output.count <= 1 else {
            throw ValidationError("only one report can go to standard output: give an --output for all formats but one")
        }
    }

    func run() throws {
        let policy: GatePolicy
        do { policy = try GatePolicy(parsing: failOn) } catch {
            Output.diagnostics(error.diagnostics)
            throw ExitCode(ExitStatus.badInput)
        }
        let asOf = try date.date()
        let rulebook = try rules.rulebook()
        let evaluator = Evaluator(rulebook: rulebook, asOf: asOf)
        let evaluations = try rulebook.loadFacts(manifests).map(evaluator.evaluate)
        let report = Report(asOf: asOf, evaluations: evaluations, policy: policy)
        let formats = format.isEmpty ? [ReportFormat.text] : format
        for (index, format) in formats.enumerated() {
            let text = format.renderer(traces: !noTraces).render(report)
            guard index < output.count else {
                Output.standardOutput(text)
                continue
            }
            try Output.emit(text, to: output[index])
        }
        if !report.passed { throw ExitCode(ExitStatus.gateFailed) }
    }
}
