import Foundation
import PackagePlugin

/// Embeds every YAML file under `Rules/` into the target as Swift source, so the built-in
/// packs travel with the binary and `oblige` works from any directory.
///
/// The target reaches `Rules/` through a symbolic link in its own directory, so SwiftPM
/// tracks the rule files as the target's own: adding, changing or removing one re-embeds.
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let rules = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleFiles.swift")
        let inputs = target.sourceFiles
            .map(\.url)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files from Rules/",
                executable: try context.tool(named: "ObligeEmbedTool").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
