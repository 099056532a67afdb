/// A JSON document, written deterministically: object keys sorted, numbers in a fixed form.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// `nil` becomes `null`.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and sorted keys, ending in a newline.
    public func rendered() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(into: &output, indent: 0)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value):
            if value.isNaN || value.isInfinite {
                output.append(contentsOf: "null".utf8)
            } else if value == value.rounded(), abs(value) < 1e15 {
                output.append(contentsOf: String(Int64(value)).utf8)
            } else {
                output.append(contentsOf: String(value).utf8)
            }
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let items):
            if items.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                JSONValue.pad(&output, indent + 2)
                item.write(into: &output, indent: indent + 2)
                if index < items.count - 1 { output.append(UInt8(ascii: ",")) }
                output.append(0x0A)
            }
            JSONValue.pad(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.members.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(contentsOf: "{\n".utf8)
            let sorted = object.members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                JSONValue.pad(&output, indent + 2)
                JSONValue.escape(member.key, into: &output)
                output.append(contentsOf: ": ".utf8)
                member.value.write(into: &output, indent: indent + 2)
                if index < sorted.count - 1 { output.append(UInt8(ascii: ",")) }
                output.append(0x0A)
            }
            JSONValue.pad(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    private static func pad(_ output: inout [UInt8], _ count: Int) {
        var remaining = count
        while remaining > 0 {
            let chunk = min(remaining, spaces.count)
            output.append(contentsOf: spaces[..<chunk])
            remaining -= chunk
        }
    }

    /// A JSON string: UTF-8 passes through; quotes, backslashes and control characters are escaped.
    static func escape(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Copy runs of bytes that need no escape in one go; most strings are one run.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(digits[Int(byte >> 4)])
                    output.append(digits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// The members of a JSON object, kept in a small array rather than a hash table: reports build
/// many small objects, and the writer sorts their keys once. Assigning to a key replaces it.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var members: [Member]

    public init() {
        members = []
    }

    /// The keys of a literal are taken as written (a literal names each key once).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The keys, in the order they were set.
    public var keys: [String] { members.map(\.key) }
}
