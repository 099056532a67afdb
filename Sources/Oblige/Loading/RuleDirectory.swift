public import ObligeSyntax

/// Reads the rule files (`*.yaml`, `*.yml`) under a directory, recursively, in a stable order.
public enum RuleDirectory {
    /// Every rule file under `path`, sorted by path, tagged with `layer`.
    public static func files(at path: String, layer: Int, limits: LoadLimits = .standard) throws(DiagnosticError) -> [RuleFile] {
        guard SourceFile.isDirectory(path) else {
            throw DiagnosticError(.error("input.unreadable", "'\(path)' is not a directory of rule files", at: nil))
        }
        var result: [RuleFile] = []
        try collect(path, layer: layer, limits: limits, into: &result)
        return result.sorted { $0.path < $1.path }
    }

    private static func collect(
        _ directory: String, layer: Int, limits: LoadLimits, into result: inout [RuleFile]
    ) throws(DiagnosticError) {
        for name in try SourceFile.files(in: directory) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if SourceFile.isDirectory(path) {
                try collect(path, layer: layer, limits: limits, into: &result)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let text = try SourceFile.read(path, maxBytes: limits.maxBytes)
                result.append(RuleFile(path: path, text: text, layer: layer))
            }
        }
    }
}

extension RuleDirectory {
    /// The files of a rule set: the built-in files (layer 0) unless excluded, then each
    /// directory as the next layer, so that a directory's copy of a document replaces the
    /// built-in one and its drafts and extra packs are added.
    public static func layered(
        builtins: [RuleFile], directories: [String], includeBuiltins: Bool = true, limits: LoadLimits = .standard
    ) throws(DiagnosticError) -> [RuleFile] {
        var files = includeBuiltins ? builtins : []
        for (offset, directory) in directories.enumerated() {
            files += try self.files(at: directory, layer: offset + 1, limits: limits)
        }
        return files
    }
}
