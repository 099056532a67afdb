public import Oblige

/// The rule packs, vocabulary and pack tests under `Rules/`, embedded at build time so that
/// `oblige` works from any directory.
public enum BuiltinRules {
    /// Every built-in rule file, as layer 0, named `Rules/<path>`.
    public static let files: [RuleFile] = embeddedRuleFiles.map {
        RuleFile(path: "Rules/" + $0.path, text: $0.text, layer: 0)
    }
}
