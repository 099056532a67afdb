import ArgumentParser
import Oblige

/// What the one-manifest commands (`explain`, `questions`, `timeline`) take: the manifest, the
/// evaluation date and the rules.
struct ManifestInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The manifest to examine.", valueName: "manifest"))
    var manifest: String

    @OptionGroup var date: DateOptions
    @OptionGroup var rules: RuleOptions

    /// The compiled rulebook, the date and the manifest's validated facts; bad input exits 2.
    func load() throws -> (rulebook: Rulebook, asOf: CivilDate, facts: Facts) {
        let asOf = try date.date()
        let rulebook = try rules.rulebook()
        let facts = try rulebook.loadFacts([manifest])
        return (rulebook, asOf, facts[0])
    }
}
