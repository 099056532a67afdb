import ArgumentParser
import Oblige
import ObligeReports

/// `oblige diff`: what a draft changes for each manifest, and across them.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the law as it is with a draft: per manifest, the findings gained, lost or changed.",
        discussion: """
            A draft is a directory of packs that amend the built-in ones (amends:, parameters, \
            rules that replace or add, remove:). Give it a portfolio of manifests to see what \
            the amendment would capture. Exits 0, or 2 on bad input.
            """)

    @Option(name: .customLong("draft"), help: ArgumentHelp("A directory of draft packs (repeatable).", valueName: "dir"))
    var drafts: [String] = []

    @Argument(help: ArgumentHelp("Manifests to compare (YAML or JSON).", valueName: "manifest"))
    var manifests: [String]

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if drafts.isEmpty { throw ValidationError("give the draft to compare with --draft DIR") }
    }

    func run() throws {
        let asOf = try date.date()
        let base = try rules.rulebook()
        let amended = try rules.rulebook(extraDirectories: drafts)
        let baseFacts = try base.loadFacts(manifests)
        let draftFacts = try amended.loadFacts(manifests)
        let baseEvaluator = Evaluator(rulebook: base, asOf: asOf)
        let draftEvaluator = Evaluator(rulebook: amended, asOf: asOf)
        let comparisons = zip(baseFacts, draftFacts).map {
            Comparison(base: baseEvaluator.evaluate($0), draft: draftEvaluator.evaluate($1))
        }
        let names = amended.instruments.flatMap(\.drafts)
        Output.standardOutput(DiffRenderer().render(comparisons, drafts: names.isEmpty ? drafts : names))
    }
}
