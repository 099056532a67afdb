import ObligeSyntax

/// Reads rule, vocabulary and test documents out of YAML trees, collecting a diagnostic for
/// every problem (unknown keys with "did you mean", wrong kinds of value, bad dates) instead
/// of stopping at the first.
final class DocumentReader {
    var diagnostics = DiagnosticBag()

    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.add(.error(code, message, at: location, notes: notes))
    }

    func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        diagnostics.add(.warning(code, message, at: location))
    }

    /// The pairs of a mapping, or an error naming what was expected.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        error("schema.expected-mapping", "\(what) must be a mapping, not \(node.kindDescription)", at: node.location)
        return nil
    }

    /// The items of a list, or an error naming what was expected.
    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        error("schema.expected-list", "\(what) must be a list, not \(node.kindDescription)", at: node.location)
        return nil
    }

    /// Reports keys that are not `allowed` (with a suggestion) and `required` keys that are missing.
    func checkKeys(
        _ pairs: [YAMLPair], in what: String, at location: SourceLocation,
        allowed: [String], required: [String] = []
    ) {
        for pair in pairs where !allowed.contains(pair.key) {
            diagnostics.add(Diagnostic.error(
                "schema.unknown-key", "unknown key '\(pair.key)' in \(what)", at: pair.keyLocation
            ).suggesting(Suggestions.closest(to: pair.key, among: allowed)))
        }
        for key in required where !pairs.contains(where: { $0.key == key }) {
            error("schema.missing-key", "\(what) is missing the required key '\(key)'", at: location)
        }
    }

    /// The text of a non-null scalar. Numbers and booleans are taken by their text (a title may be `1984`).
    func string(_ node: YAMLNode, _ what: String) -> String? {
        guard let scalar = node.scalar, scalar.value != .null else {
            error("schema.expected-string", "\(what) must be text, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.text
    }

    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if case .bool(let value)? = node.scalar?.value { return value }
        error("schema.expected-boolean", "\(what) must be true or false, not \(node.kindDescription)", at: node.location)
        return nil
    }

    /// A `YYYY-MM-DD` date, quoted or not.
    func date(_ node: YAMLNode, _ what: String) -> CivilDate? {
        if let scalar = node.scalar, let date = CivilDate(scalar.text) { return date }
        let shown = node.scalar.map { "'\($0.text)'" } ?? node.kindDescription
        error("schema.expected-date", "\(what) must be a date written YYYY-MM-DD, not \(shown)", at: node.location)
        return nil
    }

    /// One of the raw values of `E`, with a suggestion when misspelt.
    func choice<E: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ what: String, as type: E.Type
    ) -> E? where E.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        diagnostics.add(Diagnostic.error(
            "schema.unknown-value",
            "'\(text)' is not a valid \(what) (expected one of: \(names.joined(separator: ", ")))",
            at: node.location
        ).suggesting(Suggestions.closest(to: text, among: names)))
        return nil
    }

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ node: YAMLNode, _ what: String) -> [String]? {
        if node.scalar != nil { return string(node, what).map { [$0] } }
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { string($0, "each item of \(what)") }
    }
}
