import ArgumentParser
import Oblige
import ObligeSyntax

/// `oblige lint`: compile the packs and report errors and warnings.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile rule packs and report errors and warnings.",
        discussion: """
            With a directory, lints the built-in packs with that directory layered on top (its copies \
            replace the built-in ones). Exits 2 on errors; with --strict, exits 1 on warnings.
            """)

    @Argument(help: ArgumentHelp("A directory of packs to lint.", valueName: "dir"))
    var directory: String?

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Treat warnings as failures (exit code 1).")
    var strict = false

    func run() throws {
        let compilation = try rules.compile(extraDirectories: directory.map { [$0] } ?? [])
        Output.diagnostics(compilation.diagnostics)
        if compilation.hasErrors { throw ExitCode(ExitStatus.badInput) }
        guard let rulebook = compilation.rulebook else { throw ExitCode(ExitStatus.badInput) }
        let warnings = compilation.diagnostics.filter { !$0.isError }.count
        Output.standardOutput(
            "\(rulebook.instruments.count) packs, \(rulebook.rules.count) rules, \(rulebook.vocabulary.facts.count) facts: "
                + (warnings == 0 ? "no problems\n" : "\(warnings) warning\(warnings == 1 ? "" : "s")\n"))
        if strict, warnings > 0 { throw ExitCode(ExitStatus.gateFailed) }
    }
}
