import ObligeSyntax

/// Builds a ``Vocabulary`` from `vocabulary:` documents, reporting every problem it finds.
struct VocabularyParser {
    private struct PendingFact {
        var path: String
        var type: FactType
        var description: String
        var question: String
        var unit: String?
        var minimum: Double?
        var maximum: Double?
        var presumed: (cell: Cell, value: FactValue, reason: String)?
        var collectionName: String?
        var location: SourceLocation
    }

    private struct PendingCollection {
        var name: String
        var description: String
        var label: String?
        var location: SourceLocation
    }

    static let documentKeys = ["vocabulary", "description", "collections", "facts"]
    static let factKeys = ["type", "values", "description", "question", "unit", "minimum", "maximum",
                           "presumed", "presumption"]
    static let collectionKeys = ["description", "label"]
    static let typeNames = ["boolean", "integer", "number", "string", "date", "enum", "set"]

    let reader: DocumentReader
    private var facts: [PendingFact] = []
    private var firstFactLocation: [String: SourceLocation] = [:]
    private var collections: [PendingCollection] = []

    init(reader: DocumentReader) {
        self.reader = reader
    }

    /// Reads one `vocabulary:` document.
    mutating func read(_ root: YAMLNode) {
        guard let pairs = reader.mapping(root, "a vocabulary file") else { return }
        reader.checkKeys(pairs, in: "a vocabulary file", at: root.location,
                         allowed: Self.documentKeys, required: ["vocabulary"])
        if let node = root["collections"], let entries = reader.mapping(node, "'collections'") {
            for entry in entries { readCollection(entry) }
        }
        if let node = root["facts"], let entries = reader.mapping(node, "'facts'") {
            for entry in entries { readFact(entry) }
        }
    }

    private mutating func readCollection(_ entry: YAMLPair) {
        guard isIdentifier(entry.key, lowercase: true) else {
            reader.error("vocabulary.bad-path",
                         "collection name '\(entry.key)' must be lower-case letters, digits and '_'",
                         at: entry.keyLocation)
            return
        }
        guard let pairs = reader.mapping(entry.value, "collection '\(entry.key)'") else { return }
        reader.checkKeys(pairs, in: "collection '\(entry.key)'", at: entry.keyLocation,
                         allowed: Self.collectionKeys, required: ["description"])
        if let existing = collections.first(where: { $0.name == entry.key }) {
            reader.error("vocabulary.duplicate", "collection '\(entry.key)' is declared twice", at: entry.keyLocation,
                         notes: [.init("first declared here", at: existing.location)])
            return
        }
        collections.append(PendingCollection(
            name: entry.key,
            description: entry.value["description"].flatMap { reader.string($0, "description") } ?? "",
            label: entry.value["label"].flatMap { reader.string($0, "label") },
            location: entry.keyLocation))
    }

    private mutating func readFact(_ entry: YAMLPair) {
        let path = entry.key
        let what = "fact '\(path)'"
        guard let collectionName = checkPath(path, at: entry.keyLocation) else { return }
        guard let pairs = reader.mapping(entry.value, what) else { return }
        reader.checkKeys(pairs, in: what, at: entry.keyLocation, allowed: Self.factKeys,
                         required: ["type", "description", "question"])
        if let first = firstFactLocation[path] {
            reader.error("vocabulary.duplicate", "fact '\(path)' is declared twice", at: entry.keyLocation,
                         notes: [.init("first declared here", at: first)])
            return
        }
        firstFactLocation[path] = entry.keyLocation
        guard let typeNode = entry.value["type"], let typeName = reader.string(typeNode, "the type of \(what)") else {
            return
        }
        let type: FactType
        switch typeName {
        case "boolean": type = .boolean
        case "integer": type = .integer
        case "number": type = .number
        case "string": type = .string
        case "date": type = .date
        case "enum", "set":
            guard let domain = readDomain(entry.value["values"], owner: path, at: entry.keyLocation,
                                          isSet: typeName == "set") else { return }
            type = typeName == "enum" ? .enumeration(domain) : .set(domain)
        default:
            reader.diagnostics.add(Diagnostic.error(
                "vocabulary.unknown-type",
                "'\(typeName)' is not a fact type (expected one of: \(Self.typeNames.joined(separator: ", ")))",
                at: typeNode.location
            ).suggesting(Suggestions.closest(to: typeName, among: Self.typeNames)))
            return
        }
        if type.domain == nil, let values = entry.value["values"] {
            reader.error("vocabulary.values-without-enum", "only enum and set facts take 'values'", at: values.location)
        }
        var presumed: (Cell, FactValue, String)?
        if let node = entry.value["presumed"] {
            let reason = entry.value["presumption"].flatMap { reader.string($0, "'presumption'") }
            if reason == nil {
                reader.error("schema.missing-key", "a presumed value needs a 'presumption' that says why", at: node.location)
            }
            if let (cell, value) = presumedValue(node, type: type), let reason { presumed = (cell, value, reason) }
        } else if let node = entry.value["presumption"] {
            reader.error("schema.missing-key", "'presumption' explains a 'presumed' value; give one", at: node.location)
        }
        facts.append(PendingFact(
            path: path, type: type,
            description: entry.value["description"].flatMap { reader.string($0, "description") } ?? "",
            question: entry.value["question"].flatMap { reader.string($0, "question") } ?? "",
            unit: entry.value["unit"].flatMap { reader.string($0, "unit") },
            minimum: entry.value["minimum"].flatMap { number($0, "minimum", for: type) },
            maximum: entry.value["maximum"].flatMap { number($0, "maximum", for: type) },
            presumed: presumed,
            collectionName: collectionName.isEmpty ? nil : collectionName,
            location: entry.keyLocation))
    }

    /// The value a fact takes when a manifest does not state it (booleans, enums and sets only).
    private func presumedValue(_ node: YAMLNode, type: FactType) -> (Cell, FactValue)? {
        if case .set(let domain) = type, let items = node.sequence {
            var mask: UInt64 = 0
            var values: [String] = []
            for item in items {
                guard let text = item.scalar?.text, let index = domain.index(of: text) else {
                    reader.diagnostics.add(Diagnostic.error(
                        "vocabulary.bad-presumption", "'\(item.scalar?.text ?? "")' is not one of the fact's values",
                        at: item.location
                    ).suggesting(item.scalar.flatMap { Suggestions.closest(to: $0.text, among: domain.values) }))
                    return nil
                }
                mask |= 1 << UInt64(index)
                values.append(text)
            }
            return (.set(mask), .set(domain.values.filter { values.contains($0) }))
        }
        switch (type, node.scalar?.value) {
        case (.boolean, .bool(let flag)?): return (.bool(flag), .bool(flag))
        case (.enumeration(let domain), .string(let text)?):
            if let index = domain.index(of: text) { return (.enumCase(index), .enumCase(text)) }
            reader.diagnostics.add(Diagnostic.error(
                "vocabulary.bad-presumption", "'\(text)' is not one of the fact's values", at: node.location
            ).suggesting(Suggestions.closest(to: text, among: domain.values)))
            return nil
        default:
            reader.error("vocabulary.bad-presumption",
                         "only boolean, enum and set facts can have a presumed value, and it must be of the fact's type",
                         at: node.location)
            return nil
        }
    }

    private func number(_ node: YAMLNode, _ what: String, for type: FactType) -> Double? {
        guard type.isNumeric else {
            reader.error("vocabulary.bound-on-non-number", "'\(what)' applies only to integer and number facts",
                         at: node.location)
            return nil
        }
        switch node.scalar?.value {
        case .int(let value)?: return Double(value)
        case .float(let value)?: return value
        default:
            reader.error("schema.expected-number", "'\(what)' must be a number", at: node.location)
            return nil
        }
    }

    private func readDomain(_ node: YAMLNode?, owner: String, at location: SourceLocation, isSet: Bool) -> EnumDomain? {
        guard let node else {
            reader.error("schema.missing-key", "enum and set facts need 'values'", at: location)
            return nil
        }
        var values: [String] = []
        var descriptions: [String?] = []
        var seen: [String: SourceLocation] = [:]
        func add(_ value: String, _ description: String?, at valueLocation: SourceLocation) {
            guard isIdentifier(value, lowercase: false) else {
                reader.error("vocabulary.bad-enum-value",
                             "enum value '\(value)' must be a word of letters, digits and '_' that starts with a letter",
                             at: valueLocation)
                return
            }
            if let first = seen[value] {
                reader.error("vocabulary.duplicate", "value '\(value)' is listed twice", at: valueLocation,
                             notes: [.init("first listed here", at: first)])
                return
            }
            seen[value] = valueLocation
            values.append(value)
            descriptions.append(description)
        }
        if let pairs = node.mapping {
            for pair in pairs {
                add(pair.key, pair.value.isNull ? nil : reader.string(pair.value, "the description of '\(pair.key)'"),
                    at: pair.keyLocation)
            }
        } else if let items = node.sequence {
            for item in items {
                if let text = reader.string(item, "an enum value") { add(text, nil, at: item.location) }
            }
        } else {
            reader.error("schema.expected-list", "'values' must be a list or a mapping of value: description",
                         at: node.location)
            return nil
        }
        if values.isEmpty {
            reader.error("vocabulary.empty-enum", "an enum or set needs at least one value", at: node.location)
            return nil
        }
        if isSet, values.count > 64 {
            reader.error("vocabulary.set-too-large", "a set fact can have at most 64 values, not \(values.count)",
                         at: node.location)
            return nil
        }
        return EnumDomain(owner: owner, values: values, descriptions: descriptions)
    }

    /// Checks the path's shape; returns the collection name ("" for none), or `nil` if malformed.
    private func checkPath(_ path: String, at location: SourceLocation) -> String? {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false)
        var collection = ""
        var valid = segments.count >= 2
        for (index, segment) in segments.enumerated() {
            var name = Substring(segment)
            if index == 0, name.hasSuffix("[]") {
                name = name.dropLast(2)
                collection = String(name)
            }
            if !isIdentifier(name, lowercase: true) { valid = false }
        }
        guard valid else {
            reader.error("vocabulary.bad-path",
                         "fact path '\(path)' must be dotted lower-case words, such as 'organisation.employees' or 'ai_systems[].purpose'",
                         at: location)
            return nil
        }
        return collection
    }

    private func isIdentifier(_ text: some StringProtocol, lowercase: Bool) -> Bool {
        guard let first = text.unicodeScalars.first,
              first.properties.isAlphabetic || first == "_", first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            guard scalar.isASCII else { return false }
            if lowercase, ("A"..."Z").contains(scalar) { return false }
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "_"
        }
    }

    /// The finished vocabulary. Facts in undeclared collections and paths that clash are errors.
    func build() -> Vocabulary {
        var collectionDeclarations = collections.map {
            CollectionDeclaration(name: $0.name, description: $0.description, label: $0.label, location: $0.location)
        }
        var declarations: [FactDeclaration] = []
        var globalSlots = 0
        for fact in facts {
            var collection: Int?
            var slot = globalSlots
            if let name = fact.collectionName {
                guard let index = collectionDeclarations.firstIndex(where: { $0.name == name }) else {
                    reader.diagnostics.add(Diagnostic.error(
                        "vocabulary.unknown-collection",
                        "fact '\(fact.path)' is in collection '\(name)', which is not declared under 'collections'",
                        at: fact.location
                    ).suggesting(Suggestions.closest(to: name, among: collections.map(\.name))))
                    continue
                }
                collection = index
                slot = collectionDeclarations[index].facts.count
                collectionDeclarations[index].facts.append(declarations.count)
            } else {
                globalSlots += 1
            }
            declarations.append(FactDeclaration(
                path: fact.path, type: fact.type, description: fact.description, question: fact.question,
                unit: fact.unit, minimum: fact.minimum, maximum: fact.maximum,
                presumed: fact.presumed.map { Presumption(value: $0.value, reason: $0.reason, cell: $0.cell) },
                collection: collection, slot: slot, location: fact.location, order: declarations.count))
        }
        for (index, collection) in collectionDeclarations.enumerated() {
            if let label = collection.label,
               !collection.facts.contains(where: { declarations[$0].path == "\(collection.name)[].\(label)" }) {
                reader.error("vocabulary.bad-label",
                             "collection '\(collection.name)' is labelled by '\(label)', but '\(collection.name)[].\(label)' is not declared",
                             at: collection.location)
                collectionDeclarations[index] = CollectionDeclaration(
                    name: collection.name, description: collection.description, label: nil,
                    location: collection.location, facts: collection.facts)
            }
        }
        // A path that is both a fact and the parent of other facts cannot be written in a manifest.
        let paths = Set(declarations.map { $0.path })
        for fact in declarations {
            var prefix = fact.path
            while let dot = prefix.lastIndex(of: ".") {
                prefix = String(prefix[..<dot])
                if paths.contains(prefix) {
                    reader.error("vocabulary.path-clash",
                                 "'\(fact.path)' is nested under '\(prefix)', which is itself a fact",
                                 at: fact.location)
                }
            }
        }
        return Vocabulary(facts: declarations, collections: collectionDeclarations)
    }
}
