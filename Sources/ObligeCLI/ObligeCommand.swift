import ArgumentParser
import Oblige

/// The `oblige` command: subcommands only; each lives in its own file.
struct ObligeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oblige",
        abstract: "Which legal obligations and transparency requirements apply to a product, and why.",
        discussion: """
            Oblige evaluates rule packs (the GDPR, the Digital Services Act, …) against a manifest \
            that describes a product, an organisation or a State measure.

            Exit codes:
              0  success (for check: the gate passed)
              1  the gate failed (see check --help: prohibited practices, unacknowledged
                 obligations, expired waivers, ...), or a pack test failed
              2  bad input or usage (invalid YAML, manifest or rule errors)
            """,
        version: ObligeVersion.current,
        subcommands: [Check.self, Explain.self, Questions.self, TimelineCommand.self, Diff.self, Init.self, Schema.self, Rules.self,
                      Lint.self, PackTest.self],
        defaultSubcommand: nil
    )
}
