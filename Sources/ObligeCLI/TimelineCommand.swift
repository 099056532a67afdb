import ArgumentParser
import Oblige
import ObligeReports

/// `oblige timeline`: when each obligation starts (and stops) applying.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show when each obligation starts and stops applying to a manifest, with the law as it stood on each date.")

    @Argument(help: ArgumentHelp("The manifest to examine.", valueName: "manifest"))
    var manifest: String

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let asOf = try date.date()
        let rulebook = try rules.rulebook()
        let facts = try rulebook.loadFacts([manifest])
        let timeline = Timeline.compute(rulebook: rulebook, facts: facts[0], around: asOf)
        Output.standardOutput(TimelineRenderer().render(timeline, asOf: asOf))
    }
}
