import ArgumentParser
import Oblige
import ObligeSyntax

/// `oblige test`: run the packs' own test cases.
struct PackTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule packs' test cases and report rules that no test exercises.",
        discussion: """
            A rule is exercised when some case expects it to apply and another expects it not to \
            (not applicable, exempt, upcoming, …). Exits 1 when a case fails (or, with \
            --require-coverage, when a rule is not exercised both ways), 2 when the packs or \
            suites cannot be read.
            """)

    @Argument(help: ArgumentHelp("A directory of packs and suites, layered on the built-in ones.", valueName: "dir"))
    var directory: String?

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Fail unless every rule has a case where it applies and one where it does not (and every duty with met_when one where it is met and one where it is a gap).")
    var requireCoverage = false

    func run() throws {
        let compilation = try rules.compile(extraDirectories: directory.map { [$0] } ?? [])
        guard let rulebook = compilation.rulebook else {
            Output.diagnostics(compilation.diagnostics)
            throw ExitCode(ExitStatus.badInput)
        }
        let report = PackTestRunner(rulebook: rulebook).run(compilation.testDocuments)
        Output.diagnostics(report.diagnostics)
        if report.diagnostics.contains(where: \.isError) { throw ExitCode(ExitStatus.badInput) }
        Output.diagnostics(report.results.flatMap(\.failures))
        let count = report.results.count
        Output.standardOutput("\(count) test case\(count == 1 ? "" : "s"), \(report.failedCount) failed\n")
        let gaps = [
            ("Rules no case expects to apply", report.rulesNeverApplying),
            ("Rules no case expects not to apply", report.rulesNeverNotApplying),
            ("Duties no case expects to be met", report.dutiesNeverMet),
            ("Duties no case expects to be a gap", report.dutiesNeverGap),
        ]
        for (heading, ids) in gaps where !ids.isEmpty {
            Output.standardOutput("\(heading) (\(ids.count)): \(ids.joined(separator: ", "))\n")
        }
        if report.coversEveryRule {
            Output.standardOutput("Every one of the \(rulebook.rules.count) rules is exercised both ways.\n")
        }
        if report.failedCount > 0 || (requireCoverage && !report.coversEveryRule) {
            throw ExitCode(ExitStatus.gateFailed)
        }
    }
}
