import ArgumentParser
import Oblige
import ObligeReports

/// `oblige explain`: the full trace of one rule for one manifest.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show why one rule applies or not: its conditions with their values and the manifest line of each fact.")

    @Argument(help: ArgumentHelp("The rule's id, such as dsa.art16.notice-and-action.", valueName: "rule-id"))
    var ruleID: String

    @OptionGroup var input: ManifestInput

    func run() throws {
        let (rulebook, asOf, facts) = try input.load()
        guard rulebook.ruleIndex(of: ruleID) != nil else {
            let hint = rulebook.suggestRule(for: ruleID).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule has the id '\(ruleID)'\(hint)")
        }
        let evaluation = Evaluator(rulebook: rulebook, asOf: asOf).evaluate(facts)
        let outcomes = evaluation.outcomes(ofRule: ruleID)
        if outcomes.isEmpty {
            Output.standardOutput("\(ruleID) is evaluated per item, and \(input.manifest) lists no items for it.\n")
            return
        }
        Output.standardOutput(ExplainRenderer().render(outcomes, in: evaluation))
    }
}
