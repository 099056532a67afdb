public import Oblige

/// The JSON Schema (draft 2020-12) of a manifest, generated from the vocabulary and the rules:
/// every section, fact and collection with its type, allowed values, description and question,
/// and the `compliance:` section with the rule ids it may name. YAML editors (through
/// yaml-language-server and similar) use it to complete and check manifests as they are typed.
///
/// Every fact also accepts `null`: a key left empty means "not yet known", as in `oblige init`.
public struct ManifestSchema: Sendable {
    public let rulebook: Rulebook

    public init(rulebook: Rulebook) {
        self.rulebook = rulebook
    }

    /// A node of the key tree rebuilt from the fact paths.
    private final class Node {
        var children: [(String, Node)] = []
        var fact: FactDeclaration?
        var collection: CollectionDeclaration?

        func child(_ name: String) -> Node {
            if let existing = children.first(where: { $0.0 == name }) { return existing.1 }
            let node = Node()
            children.append((name, node))
            return node
        }
    }

    public func render() -> String {
        let root = Node()
        for fact in rulebook.vocabulary.facts {
            // `ai_systems[].purpose`: the collection's key, then the item's fact.
            let parts = fact.path.split(separator: "[]", maxSplits: 1)
            var node = root
            for key in parts[0].split(separator: ".") { node = node.child(String(key)) }
            if parts.count == 2, let index = fact.collection {
                node.collection = rulebook.vocabulary.collections[index]
                for key in parts[1].split(separator: ".", omittingEmptySubsequences: true) { node = node.child(String(key)) }
            }
            node.fact = fact
        }
        var properties: JSONObject = [
            "name": .object(["type": .string("string"), "description": .string("The subject's name, used in reports.")]),
            "description": .object(["type": .string("string"), "description": .string("A sentence on the subject.")]),
            "compliance": compliance(),
        ]
        for (name, child) in root.children { properties[name] = schema(of: child, named: name) }
        return JSONValue.object([
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "title": .string("Oblige manifest"),
            "description": .string(
                "The facts of one subject (a product, an organisation or a State measure) for `oblige check`. "
                + "A fact left out is unknown, never false."),
            "type": .string("object"),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]).rendered()
    }

    private func schema(of node: Node, named name: String) -> JSONValue {
        if let fact = node.fact, node.children.isEmpty { return schema(of: fact) }
        var properties: JSONObject = [:]
        for (childName, child) in node.children { properties[childName] = schema(of: child, named: childName) }
        let object: JSONValue = .object([
            "type": .array([.string("object"), .string("null")]),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ])
        guard let collection = node.collection else { return object }
        var members: JSONObject = [
            "type": .array([.string("array"), .string("null")]),
            "description": .string(collection.description),
            "items": object,
        ]
        if let label = collection.label { members["$comment"] = .string("Items are named by their '\(label)' in reports.") }
        return .object(members)
    }

    private func schema(of fact: FactDeclaration) -> JSONValue {
        var members: JSONObject = ["title": .string(fact.question)]
        var description = fact.description
        if let unit = fact.unit { description += " Unit: \(unit)." }
        if let presumed = fact.presumed { description += " If left out: \(presumed.value) (\(presumed.reason))" }
        switch fact.type {
        case .boolean: members["type"] = .array([.string("boolean"), .string("null")])
        case .integer, .number:
            members["type"] = .array([.string(fact.type == .integer ? "integer" : "number"), .string("null")])
            if let minimum = fact.minimum { members["minimum"] = .number(minimum) }
            if let maximum = fact.maximum { members["maximum"] = .number(maximum) }
        case .string: members["type"] = .array([.string("string"), .string("null")])
        case .date:
            members["type"] = .array([.string("string"), .string("null")])
            members["format"] = .string("date")
            members["pattern"] = .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        case .enumeration(let domain):
            members["enum"] = .array(domain.values.map(JSONValue.string) + [.null])
            description += Self.values(domain)
        case .set(let domain):
            members["type"] = .array([.string("array"), .string("null")])
            members["items"] = .object(["enum": .array(domain.values.map(JSONValue.string))])
            members["uniqueItems"] = .bool(true)
            description += Self.values(domain)
        }
        members["description"] = .string(description)
        return .object(members)
    }

    private static func values(_ domain: EnumDomain) -> String {
        let described = zip(domain.values, domain.descriptions).map { value, text in
            text.map { "\(value) (\($0.hasSuffix(".") ? String($0.dropLast()) : $0))" } ?? value
        }
        return " Values: " + described.joined(separator: "; ") + "."
    }

    /// `compliance:`: rule ids (or `id[item]` for per-item rules) to an entry or a bare status.
    private func compliance() -> JSONValue {
        let statuses = JSONValue.array(ComplianceEntry.Status.allCases.map { .string($0.rawValue) })
        let date = JSONValue.object(["type": .string("string"), "format": .string("date"),
                                     "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")])
        let text = JSONValue.object(["type": .string("string")])
        let entry = JSONValue.object([
            "type": .string("object"),
            "properties": .object([
                "status": .object(["enum": statuses, "description": .string(
                    "implemented, planned, not_applicable (with a justification) or waived (with a justification and expires).")]),
                "evidence": .object(["type": .string("string"), "description": .string("A link or path that shows it.")]),
                "owner": .object(["type": .string("string"), "description": .string("Who answers for it.")]),
                "justification": .object(["type": .string("string"), "description": .string(
                    "Why it does not apply, or why it is waived.")]),
                "expires": date,
                "note": text,
            ]),
            "required": .array([.string("status")]),
            "additionalProperties": .bool(false),
        ])
        let perItem = rulebook.rules.filter { $0.collection != nil }.map { Self.escapeRegex($0.id) }
        var names: [JSONValue] = [.object(["enum": .array(rulebook.rules.map { .string($0.id) })])]
        if !perItem.isEmpty {
            names.append(.object(["pattern": .string("^(?:" + perItem.joined(separator: "|") + ")\\[[^\\]]+\\]$")]))
        }
        return .object([
            "type": .array([.string("object"), .string("null")]),
            "description": .string("What the team has done about each rule that applies, for the CI gate."),
            "propertyNames": .object(["anyOf": .array(names)]),
            // The short form `rule-id: implemented` is for statuses that need nothing more.
            "additionalProperties": .object(["oneOf": .array([
                .object(["enum": .array([.string("implemented"), .string("planned")])]), entry,
            ])]),
        ])
    }

    private static func escapeRegex(_ text: String) -> String {
        var output = ""
        for character in text {
            if ".()[]{}*+?^$|\\".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
