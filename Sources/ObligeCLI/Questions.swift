import ArgumentParser
import Oblige
import ObligeReports

/// `oblige questions`: what is still unknown, most decisive first.
struct Questions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the facts a manifest is missing, most decisive first, each with its plain question.")

    @Argument(help: ArgumentHelp("The manifest to examine.", valueName: "manifest"))
    var manifest: String

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let asOf = try date.date()
        let rulebook = try rules.rulebook()
        let evaluation = try rulebook.evaluate(manifest: manifest, on: asOf)
        Output.standardOutput(QuestionsRenderer().render(evaluation))
    }
}
