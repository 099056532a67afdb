import ArgumentParser
import Oblige
import ObligeReports

/// `oblige questions`: what is still unknown, most decisive first.
struct Questions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the facts a manifest is missing, most decisive first, each with its plain question.")

    @OptionGroup var input: ManifestInput

    func run() throws {
        let (rulebook, asOf, facts) = try input.load()
        Output.standardOutput(QuestionsRenderer().render(Evaluator(rulebook: rulebook, asOf: asOf).evaluate(facts)))
    }
}
