import ObligeSyntax

/// A token of the condition language.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case name(String)
        case integer(Int64)
        case number(Double)
        case string(String)
        case date(CivilDate)
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Byte offsets of the token in the expression's UTF-8 text.
    var start: Int
    var end: Int
}

/// Splits a condition string into tokens, working on its UTF-8 bytes, and reports the first
/// character it cannot read.
struct Lexer {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func tokens(_ bytes: [UInt8]) -> Result<[Token], Failure> {
        var lexer = Lexer(bytes)
        var tokens: [Token] = []
        do throws(Failure) {
            while true {
                let token = try lexer.next()
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            }
        } catch {
            return .failure(error)
        }
    }

    private mutating func next() throws(Failure) -> Token {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        let start = position
        guard position < bytes.count else { return Token(kind: .end, start: start, end: start) }
        let byte = bytes[position]
        if Self.isLetter(byte) || byte == UInt8(ascii: "_") { return name(from: start) }
        if Self.isDigit(byte) { return try number(from: start) }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return try string(from: start, quote: byte) }
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        if next == UInt8(ascii: "="), [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(byte) {
            position += 2
            return Token(kind: .symbol(text(start, position)), start: start, end: position)
        }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            position += 1
            return Token(kind: .symbol(text(start, position)), start: start, end: position)
        case UInt8(ascii: "="):
            throw Failure(message: "use '==' to compare, not '='", offset: start)
        case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "!"):
            throw Failure(message: "use the words 'and', 'or' and 'not' instead of '\(text(start, start + 1))'",
                          offset: start)
        default:
            throw Failure(message: "unexpected character '\(character(at: start))'", offset: start)
        }
    }

    /// A dotted name, with `[]` allowed after a segment: `ai_systems[].purpose`.
    private mutating func name(from start: Int) -> Token {
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isNameByte(byte) {
                position += 1
            } else if byte == UInt8(ascii: "."), position + 1 < bytes.count,
                      Self.isLetter(bytes[position + 1]) || bytes[position + 1] == UInt8(ascii: "_") {
                position += 1
            } else if byte == UInt8(ascii: "["), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "]") {
                position += 2
            } else {
                break
            }
        }
        return Token(kind: .name(text(start, position)), start: start, end: position)
    }

    /// An integer (`45000000`, `45_000_000`), a number (`0.5`, `1e25`) or a date (`2024-02-17`).
    private mutating func number(from start: Int) throws(Failure) -> Token {
        if position + 10 <= bytes.count, let date = CivilDate(text(position, position + 10)),
           position + 10 == bytes.count || !Self.isNameByte(bytes[position + 10]) {
            position += 10
            return Token(kind: .date(date), start: start, end: position)
        }
        var digits: [UInt8] = []
        var isInteger = true
        func takeDigits() {
            while position < bytes.count, Self.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") {
                if bytes[position] != UInt8(ascii: "_") { digits.append(bytes[position]) }
                position += 1
            }
        }
        takeDigits()
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Self.isDigit(bytes[position + 1]) {
            isInteger = false
            digits.append(UInt8(ascii: "."))
            position += 1
            takeDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var lookahead = position + 1
            if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "+") || bytes[lookahead] == UInt8(ascii: "-") {
                lookahead += 1
            }
            if lookahead < bytes.count, Self.isDigit(bytes[lookahead]) {
                isInteger = false
                digits.append(UInt8(ascii: "e"))
                digits.append(contentsOf: bytes[(position + 1)..<lookahead])
                position = lookahead
                takeDigits()
            }
        }
        if position < bytes.count, Self.isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "_") {
            // "4 months" is fine; "4months" is not a number.
            throw Failure(message: "'\(text(start, position + 1))…' is not a number; put a space before a unit",
                          offset: start)
        }
        let literal = String(decoding: digits, as: UTF8.self)
        if isInteger, let value = Int64(literal) { return Token(kind: .integer(value), start: start, end: position) }
        guard let value = Double(literal) else {
            throw Failure(message: "'\(text(start, position))' is not a number", offset: start)
        }
        return Token(kind: .number(value), start: start, end: position)
    }

    private mutating func string(from start: Int, quote: UInt8) throws(Failure) -> Token {
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                position += 1
                return Token(kind: .string(String(decoding: value, as: UTF8.self)), start: start, end: position)
            }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
            value.append(bytes[position])
            position += 1
        }
        throw Failure(message: "this text has no closing \(Character(Unicode.Scalar(quote)))", offset: start)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<min(to, bytes.count)], as: UTF8.self)
    }

    /// The whole (possibly multi-byte) character that starts at `offset`.
    private func character(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return text(offset, end)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
    static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
}
