import ArgumentParser
import Oblige
import ObligeBuiltins
import ObligeSyntax

/// Options shared by the commands that load rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A directory of extra or draft packs (repeatable). Its copy of a built-in pack replaces the built-in one.",
        valueName: "dir"))
    var directories: [String] = []

    @Flag(help: "Use only the packs given with --rules, not the built-in ones.")
    var noBuiltins = false

    /// The compiled rulebook, or diagnostics on standard error and exit code 2.
    func rulebook(extraDirectories: [String] = []) throws -> Rulebook {
        let compilation = try compile(extraDirectories: extraDirectories, includeTests: false)
        guard let rulebook = compilation.rulebook else {
            Output.diagnostics(compilation.diagnostics)
            throw ExitCode(ExitStatus.badInput)
        }
        return rulebook
    }

    /// Compiles the built-in packs and the `--rules` directories; test suites are parsed only
    /// when `includeTests` (for `lint` and `test`).
    func compile(extraDirectories: [String] = [], includeTests: Bool = true) throws -> Compilation {
        do throws(DiagnosticError) {
            let files = try RuleDirectory.layered(
                builtins: BuiltinRules.files, directories: directories + extraDirectories,
                includeBuiltins: !noBuiltins)
            return Rulebook.compile(files, includeTests: includeTests)
        } catch {
            Output.diagnostics(error.diagnostics)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

/// The evaluation date option.
struct DateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Evaluate the law as it stands on this date (YYYY-MM-DD). Default: today (UTC).",
                               valueName: "date"))
    var asOf: String?

    func date() throws -> CivilDate {
        guard let text = asOf else { return CivilDate.today() }
        guard let date = CivilDate(text) else {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(text)'")
        }
        return date
    }
}

extension Rulebook {
    /// Loads manifests, printing every diagnostic; exits with code 2 if any manifest is invalid.
    func loadFacts(_ paths: [String]) throws -> [Facts] {
        var loaded: [Facts] = []
        var failed = false
        for path in paths {
            do throws(DiagnosticError) {
                loaded.append(try facts(file: path))
            } catch {
                Output.diagnostics(error.diagnostics)
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
        return loaded
    }
}
