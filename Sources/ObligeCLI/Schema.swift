import ArgumentParser
import Oblige
import ObligeReports

/// `oblige schema`: the manifest's JSON Schema, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of a manifest, generated from the vocabulary.",
        discussion: """
            Point your editor's YAML support at it to complete and check manifests; for \
            yaml-language-server, start a manifest with
              # yaml-language-server: $schema=oblige.schema.json
            """)

    @OptionGroup var rules: RuleOptions

    @Option(help: ArgumentHelp("Write the schema to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let schema = ManifestSchema(rulebook: try rules.rulebook()).render()
        try Output.emit(schema, to: output)
    }
}
