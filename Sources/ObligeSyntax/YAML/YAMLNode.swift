/// A node of a loaded YAML document. Every node keeps the position where it starts.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// Where the node starts (for a mapping value, the value itself, not its key).
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The key/value pairs in document order, if this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// True for an explicit or empty null scalar.
    public var isNull: Bool { scalar?.value == .null }

    /// A word for the node's kind, for messages ("a mapping", "a string", …).
    public var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.value.kindDescription
        }
    }

    /// The value under `key`, if this is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key == key }?.value
    }
}

/// One entry of a mapping: a scalar key (with its position) and its value.
public struct YAMLPair: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode

    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar: its text as written (after unescaping), its style, and its value under the YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle
    public var value: ScalarValue
    /// The line on which the scalar ends (block and folded scalars span several).
    public var endLine: Int
    /// For a scalar over several lines: where each line's content starts in ``text``; empty for
    /// one-line scalars and when the loader could not map the value back to its lines.
    public var lines: [ScalarLine]

    public init(text: String, style: ScalarStyle, value: ScalarValue, endLine: Int, lines: [ScalarLine] = []) {
        self.text = text
        self.style = style
        self.value = value
        self.endLine = endLine
        self.lines = lines
    }

    /// The position of a UTF-8 offset into ``text``: exact for one-line scalars and mapped
    /// multi-line ones, otherwise the scalar's start.
    public func location(ofOffset offset: Int, from start: SourceLocation) -> SourceLocation {
        let base: (offset: Int, location: SourceLocation)
        if let line = lines.last(where: { $0.offset <= offset }) {
            base = (line.offset, SourceLocation(file: start.file, line: line.line, column: line.column))
        } else if endLine == start.line && (style == .plain || isQuoted) {
            base = (0, start.advanced(byColumns: isQuoted ? 1 : 0))
        } else {
            return start
        }
        let columns = text.utf8.dropFirst(base.offset).prefix(offset - base.offset).reduce(0) {
            $1 & 0xC0 != 0x80 ? $0 + 1 : $0
        }
        return base.location.advanced(byColumns: columns)
    }

    /// True when the author quoted the scalar (so `"42"` is deliberately a string).
    public var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }
}

/// How a scalar was written.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// The value of a scalar under the YAML 1.2 core schema.
///
/// Only plain scalars are resolved; quoted and block scalars are always strings.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An integer that fits in 64 bits. Larger integers resolve to ``float(_:)``.
    case int(Int64)
    case float(Double)
    case string(String)

    /// A word for the value's kind, for messages.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        }
    }
}
