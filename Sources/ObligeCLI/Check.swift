import ArgumentParser
import Oblige
import ObligeSyntax
import ObligeReports

/// `oblige check`: evaluate manifests and report what applies.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate manifests: which obligations and transparency requirements apply, and why.",
        discussion: "Exits 1 when a prohibited practice applies, 2 on bad input.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Manifests to evaluate (YAML or JSON).", valueName: "manifest"))
    var manifests: [String]

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let asOf = try date.date()
        let rulebook = try rules.rulebook()
        let evaluator = Evaluator(rulebook: rulebook, asOf: asOf)
        let evaluations = try rulebook.loadFacts(manifests).map(evaluator.evaluate)
        let report = Report(asOf: asOf, evaluations: evaluations)
        let text: String
        switch format {
        case .text: text = TextReportRenderer().render(report)
        case .json: text = JSONReportRenderer().render(report)
        }
        if let output {
            do { try Output.write(text, toFile: output) } catch {
                Output.diagnostics(error.diagnostics)
                throw ExitCode(ExitStatus.badInput)
            }
        } else {
            Output.standardOutput(text)
        }
        if evaluations.contains(where: { !$0.applyingProhibitions.isEmpty }) {
            throw ExitCode(ExitStatus.gateFailed)
        }
    }
}
