import ArgumentParser
import Oblige

/// `oblige test`: run the packs' own test cases.
struct PackTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule packs' test cases and report rules that no test exercises.",
        discussion: "Exits 1 when a test fails, 2 when the packs or tests cannot be read.")

    @Argument(help: ArgumentHelp("A directory of packs and tests, layered on the built-in ones.", valueName: "dir"))
    var directory: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        throw ValidationError("not yet implemented")
    }
}
