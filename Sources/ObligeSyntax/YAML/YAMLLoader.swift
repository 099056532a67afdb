internal import CYAML

/// Loads one YAML document into a ``YAMLNode`` tree over libyaml's event parser.
///
/// The loader is the only code that touches libyaml. It keeps every node's position, rejects
/// duplicate keys, resolves plain scalars by the YAML 1.2 core schema and enforces
/// ``LoadLimits`` while it reads, so hostile input fails before it costs memory.
public struct YAMLLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .standard) {
        self.limits = limits
    }

    /// Loads the file at `path`. Returns `nil` for a file with no document (empty or only comments).
    public func load(file path: String) throws(DiagnosticError) -> YAMLNode? {
        let bytes = try SourceFile.readBytes(path, maxBytes: limits.maxBytes)
        return try load(bytes: bytes, file: path)
    }

    /// Loads `text`, reporting positions against the name `file`.
    public func load(text: String, file: String) throws(DiagnosticError) -> YAMLNode? {
        try load(bytes: Array(text.utf8), file: file)
    }

    /// Loads UTF-8 `bytes`, reporting positions against the name `file`.
    public func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> YAMLNode? {
        if bytes.count > limits.maxBytes {
            throw DiagnosticError(.error(
                "input.too-large",
                "input is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes",
                at: .startOf(file)))
        }
        let outcome: Result<YAMLNode?, DiagnosticError> = bytes.withUnsafeBufferPointer { buffer in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else {
                return .failure(DiagnosticError(.error(
                    "yaml.internal", "libyaml could not allocate a parser", at: .startOf(file))))
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder(file: file, limits: limits, bytes: buffer)
            return Result { () throws(DiagnosticError) -> YAMLNode? in try builder.run(parser) }
        }
        return try outcome.get()
    }
}

/// Turns libyaml events into a tree, enforcing the limits as it goes.
private struct TreeBuilder {
    /// A collection being built.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// Nodes in this subtree with aliases expanded, including the collection itself.
        var weight = 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: (String, SourceLocation)?
        /// Key positions, kept once a mapping is large enough for a linear search to cost more.
        var seen: [String: SourceLocation] = [:]

        init(isMapping: Bool, location: SourceLocation, anchor: String?) {
            self.isMapping = isMapping
            self.location = location
            self.anchor = anchor
        }

        /// Where `key` was first defined in this mapping, if it was.
        func firstLocation(of key: String) -> SourceLocation? {
            if pairs.count > 8 { return seen[key] }
            return pairs.first { $0.key == key }?.keyLocation
        }

        mutating func remember(_ key: String, at location: SourceLocation) {
            if pairs.count == 8 {
                for pair in pairs where seen[pair.key] == nil { seen[pair.key] = pair.keyLocation }
            }
            if pairs.count >= 8 { seen[key] = location }
        }
    }

    let file: String
    let limits: LoadLimits
    let bytes: UnsafeBufferPointer<UInt8>
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expandedNodes = 0
    private var root: YAMLNode?
    private var documentCount = 0
    private var lineTable: SourceLineTable

    init(file: String, limits: LoadLimits, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        self.bytes = bytes
        self.lineTable = SourceLineTable(bytes: bytes)
    }

    mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>) throws(DiagnosticError) -> YAMLNode? {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser) }
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documentCount += 1
                if documentCount > 1 {
                    throw DiagnosticError(.error(
                        "yaml.multiple-documents",
                        "expected a single YAML document, but another one starts here", at: location))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = string(scalar.value, length: scalar.length)
                let style = Self.style(scalar.style)
                let value = try resolve(text, style: style, tag: optionalString(scalar.tag), at: location)
                let endLine = self.location(event.end_mark).line
                let lines = ScalarLineMap.lines(of: text, style: style, start: location, endLine: endLine, table: &lineTable)
                let node = YAMLNode(
                    .scalar(YAMLScalar(text: text, style: style, value: value, endLine: endLine, lines: lines)),
                    at: location)
                try complete(node, weight: 1, anchor: optionalString(scalar.anchor), isAlias: false)
            case YAML_ALIAS_EVENT:
                let name = optionalString(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw DiagnosticError(.error(
                        "yaml.undefined-alias", "alias '*\(name)' refers to no anchor defined before it",
                        at: location))
                }
                var node = target.node
                node.location = location
                try complete(node, weight: target.weight, anchor: nil, isAlias: true)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                try checkCollectionTag(optionalString(start.tag), expected: "seq", at: location)
                try open(Frame(isMapping: false, location: location, anchor: optionalString(start.anchor)))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                try checkCollectionTag(optionalString(start.tag), expected: "map", at: location)
                try open(Frame(isMapping: true, location: location, anchor: optionalString(start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                let node = frame.isMapping
                    ? YAMLNode(.mapping(frame.pairs), at: frame.location)
                    : YAMLNode(.sequence(frame.items), at: frame.location)
                // Its nodes were counted as they arrived.
                try attach(node, weight: frame.weight, anchor: frame.anchor)
            default:
                break
            }
        }
    }

    // MARK: Building

    private mutating func open(_ frame: Frame) throws(DiagnosticError) {
        if stack.count >= limits.maxDepth {
            throw DiagnosticError(.error(
                "yaml.too-deep", "nesting is deeper than the limit of \(limits.maxDepth) levels",
                at: frame.location))
        }
        try count(1, at: frame.location, isAlias: false)
        stack.append(frame)
    }

    private mutating func complete(
        _ node: YAMLNode, weight: Int, anchor: String?, isAlias: Bool
    ) throws(DiagnosticError) {
        try count(weight, at: node.location, isAlias: isAlias)
        try attach(node, weight: weight, anchor: anchor)
    }

    private mutating func count(_ weight: Int, at location: SourceLocation, isAlias: Bool) throws(DiagnosticError) {
        expandedNodes += weight
        guard expandedNodes > limits.maxNodes else { return }
        let message = isAlias
            ? "expanding this alias makes the document larger than \(limits.maxNodes) nodes (is it a 'billion laughs' file?)"
            : "the document has more than \(limits.maxNodes) nodes"
        throw DiagnosticError(.error("yaml.too-many-nodes", message, at: location))
    }

    private mutating func attach(_ node: YAMLNode, weight: Int, anchor: String?) throws(DiagnosticError) {
        if let anchor { anchors[anchor] = (node, weight) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        // Mutate the parent in place: popping and re-pushing it would copy its arrays.
        let top = stack.count - 1
        stack[top].weight += weight
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let (key, keyLocation) = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, keyLocation: keyLocation, value: node))
            stack[top].pendingKey = nil
        } else {
            guard let scalar = node.scalar else {
                throw DiagnosticError(.error(
                    "yaml.complex-key", "mapping keys must be plain values, not \(node.kindDescription)",
                    at: node.location))
            }
            if let first = stack[top].firstLocation(of: scalar.text) {
                throw DiagnosticError(.error(
                    "yaml.duplicate-key", "duplicate key '\(scalar.text)'", at: node.location,
                    notes: [.init("'\(scalar.text)' is first defined here", at: first)]))
            }
            stack[top].remember(scalar.text, at: node.location)
            stack[top].pendingKey = (scalar.text, node.location)
        }
    }

    // MARK: Scalars and tags

    private static let tagPrefix = "tag:yaml.org,2002:"

    private func resolve(
        _ text: String, style: ScalarStyle, tag: String?, at location: SourceLocation
    ) throws(DiagnosticError) -> ScalarValue {
        guard let tag, tag != "!" else {
            return style == .plain ? CoreSchema.resolve(plain: text) : .string(text)
        }
        let name = tag.hasPrefix(Self.tagPrefix) ? String(tag.dropFirst(Self.tagPrefix.count)) : tag
        let resolved = CoreSchema.resolve(plain: text)
        switch (name, resolved) {
        case ("str", _): return .string(text)
        case ("int", .int), ("bool", .bool), ("null", .null), ("float", .float): return resolved
        case ("float", .int(let value)): return .float(Double(value))
        case ("int", _), ("bool", _), ("null", _), ("float", _):
            throw DiagnosticError(.error(
                "yaml.bad-tagged-value", "'\(text)' is not a valid !!\(name) value", at: location))
        default:
            throw DiagnosticError(.error("yaml.unsupported-tag", "unsupported tag '\(tag)'", at: location))
        }
    }

    private func checkCollectionTag(
        _ tag: String?, expected: String, at location: SourceLocation
    ) throws(DiagnosticError) {
        guard let tag, tag != "!", tag != Self.tagPrefix + expected else { return }
        throw DiagnosticError(.error("yaml.unsupported-tag", "unsupported tag '\(tag)'", at: location))
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    // MARK: Conversions from libyaml

    /// libyaml's marks are 0-based; ours are 1-based. This is the only place that converts.
    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The position of a byte offset, for reader errors that carry no mark.
    private func location(ofByte offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes.prefix(min(offset, bytes.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func syntaxError(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> DiagnosticError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown YAML error"
        if state.error == YAML_READER_ERROR {
            return DiagnosticError(.error(
                "yaml.encoding", "\(problem) (the file must be UTF-8 or UTF-16 text)",
                at: location(ofByte: Int(state.problem_offset))))
        }
        var message = problem
        var notes: [Diagnostic.Note] = []
        if let context = state.context.map({ String(cString: $0) }) {
            let contextLocation = location(state.context_mark)
            message += " \(context)"
            notes.append(.init("\(context.replacingFirstWord()) started here", at: contextLocation))
        }
        if state.error == YAML_MEMORY_ERROR {
            return DiagnosticError(.error("yaml.internal", "libyaml ran out of memory", at: .startOf(file)))
        }
        return DiagnosticError(.error("yaml.syntax", message, at: location(state.problem_mark), notes: notes))
    }
}

private extension String {
    /// "while scanning a simple key" → "the simple key".
    func replacingFirstWord() -> String {
        var words = split(separator: " ").map(String.init)
        if words.first == "while" { words.removeFirst() }
        if words.count > 1, words[0].hasSuffix("ing") { words.removeFirst() }
        if words.first == "a" || words.first == "an" { words[0] = "the" }
        return words.joined(separator: " ")
    }
}
