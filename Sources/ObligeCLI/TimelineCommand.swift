import ArgumentParser
import Oblige
import ObligeReports

/// `oblige timeline`: when each obligation starts (and stops) applying.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show when each obligation starts and stops applying to a manifest, with the law as it stood on each date.")

    @OptionGroup var input: ManifestInput

    func run() throws {
        let (rulebook, asOf, facts) = try input.load()
        let timeline = Timeline.compute(rulebook: rulebook, facts: facts, around: asOf)
        Output.standardOutput(TimelineRenderer().render(timeline, asOf: asOf))
    }
}
