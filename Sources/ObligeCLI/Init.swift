import ArgumentParser
import Oblige
import ObligeReports

/// `oblige init`: a commented starter manifest.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter manifest: every section, the most decisive facts, each with its question.")

    @Argument(help: ArgumentHelp("The manifest to create.", valueName: "file"))
    var file: String = "oblige.yaml"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var rules: RuleOptions

    func run() throws {
        if !force, Output.exists(file) {
            Output.standardError("error: '\(file)' exists; use --force to replace it\n")
            throw ExitCode(ExitStatus.badInput)
        }
        try Output.emit(StarterManifest(rulebook: try rules.rulebook()).render(), to: file)
        Output.standardError("wrote \(file): answer its questions, then run `oblige check \(file)`\n")
    }
}
