import ArgumentParser
import Oblige
import ObligeReports


/// `oblige rules`: the catalogue of every rule.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its citation, kind, addressee, dates and confidence (text, markdown or json).")

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    @Option(help: ArgumentHelp("Output format: text, markdown or json.", valueName: "format"))
    var format: RuleCatalogueRenderer.Format = .text

    @Option(help: ArgumentHelp("Write the catalogue to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let catalogue = RuleCatalogueRenderer(format: format).render(try rules.rulebook(), on: try date.date())
        try Output.emit(catalogue, to: output)
    }
}
