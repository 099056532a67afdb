/// Where one source line of a multi-line scalar starts within the scalar's value, so that a
/// position inside the value (a token of a long condition written as `>-`) maps back to its
/// line and column in the file.
public struct ScalarLine: Sendable, Hashable {
    /// UTF-8 offset in the scalar's value at which this line's content starts.
    public var offset: Int
    /// 1-based line of that content in the file.
    public var line: Int
    /// 1-based column of that content, in Unicode scalars.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }
}

/// The byte offsets at which the lines of a source buffer start, built on first use.
struct SourceLineTable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var starts: [Int]?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The bytes of 1-based `line`, without its line break; nil past the end of the buffer.
    mutating func line(_ line: Int) -> UnsafeBufferPointer<UInt8>? {
        let table = lineStarts()
        guard line >= 1, line <= table.count else { return nil }
        let start = table[line - 1]
        var end = line < table.count ? table[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)])
    }

    private mutating func lineStarts() -> [Int] {
        if let starts { return starts }
        var table = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { table.append(index + 1) }
        starts = table
        return table
    }
}

/// Rebuilds the value of a multi-line plain, folded or literal scalar from its source lines,
/// recording where each line's content starts. When the rebuilt value differs from the parsed
/// one (escapes, explicit indentation, more-indented folded lines), it gives up and returns no
/// lines: positions then fall back to the scalar's start, which is never wrong, only coarse.
enum ScalarLineMap {
    static func lines(
        of text: String, style: ScalarStyle, start: SourceLocation, endLine: Int, table: inout SourceLineTable
    ) -> [ScalarLine] {
        guard endLine > start.line else { return [] }
        var builder = Builder()
        switch style {
        case .plain:
            guard let first = table.line(start.line) else { return [] }
            let from = byteOffset(ofColumn: start.column, in: first)
            builder.add(content: trimmed(first, from: from), line: start.line, column: start.column, folded: true)
            for line in (start.line + 1)...endLine {
                guard let bytes = table.line(line) else { return [] }
                let indent = leadingBlanks(bytes)
                let content = trimmed(bytes, from: indent)
                if content.isEmpty { builder.blank(); continue }
                builder.add(content: content, line: line, column: columns(bytes, upTo: indent) + 1, folded: true)
            }
        case .folded, .literal:
            guard let header = table.line(start.line),
                  !header.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") })
            else { return [] }
            var indent: Int?
            for line in (start.line + 1)...endLine {
                guard let bytes = table.line(line) else { break }
                let blanks = leadingBlanks(bytes)
                if blanks == bytes.count { builder.blank(); continue }
                let level = indent ?? blanks
                if blanks < level { break }
                if style == .folded, blanks > level { return [] }
                indent = level
                builder.add(content: bytes[level...].map { $0 }, line: line,
                            column: columns(bytes, upTo: level) + 1, folded: style == .folded)
            }
        case .singleQuoted, .doubleQuoted:
            return []
        }
        var expected = Substring(text)
        while expected.last == "\n" { expected.removeLast() }
        return String(decoding: builder.value, as: UTF8.self) == expected ? builder.lines : []
    }

    /// Joins content lines the way YAML folds them: one break is a space (folded) or a newline
    /// (literal); each blank line in between is a newline.
    private struct Builder {
        var value: [UInt8] = []
        var lines: [ScalarLine] = []
        var pendingBlanks = 0

        mutating func blank() { pendingBlanks += 1 }

        mutating func add(content: [UInt8], line: Int, column: Int, folded: Bool) {
            if !lines.isEmpty {
                if folded && pendingBlanks == 0 {
                    value.append(UInt8(ascii: " "))
                } else {
                    value += repeatElement(UInt8(ascii: "\n"), count: pendingBlanks + (folded ? 0 : 1))
                }
            } else {
                value += repeatElement(UInt8(ascii: "\n"), count: pendingBlanks)
            }
            pendingBlanks = 0
            lines.append(ScalarLine(offset: value.count, line: line, column: column))
            value += content
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func leadingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.firstIndex { !isBlank($0) } ?? bytes.count
    }

    /// The bytes from `from` with trailing blanks removed.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> [UInt8] {
        var end = bytes.count
        while end > from, isBlank(bytes[end - 1]) { end -= 1 }
        return from < end ? Array(bytes[from..<end]) : []
    }

    /// Unicode scalars in the first `count` bytes.
    private static func columns(_ bytes: UnsafeBufferPointer<UInt8>, upTo count: Int) -> Int {
        bytes.prefix(count).reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
    }

    /// The byte offset of 1-based `column` (in Unicode scalars).
    private static func byteOffset(ofColumn column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var seen = 0
        for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
            if seen == column - 1 { return index }
            seen += 1
        }
        return bytes.count
    }
}
