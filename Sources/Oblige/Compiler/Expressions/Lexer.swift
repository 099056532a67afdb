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
    /// Offset of the first character, in Unicode scalars from the start of the expression.
    var start: Int
    var end: Int
}

/// Splits a condition string into tokens, reporting the first character it cannot read.
struct Lexer {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokens(_ text: String) -> Result<[Token], Failure> {
        var lexer = Lexer(text)
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
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return Token(kind: .end, start: start, end: start) }
        let character = scalars[position]
        if isLetter(character) || character == "_" { return name(from: start) }
        if isDigit(character) { return try number(from: start) }
        if character == "\"" || character == "'" { return try string(from: start, quote: character) }
        let two = position + 1 < scalars.count ? String(character) + String(scalars[position + 1]) : ""
        if ["==", "!=", "<=", ">="].contains(two) {
            position += 2
            return Token(kind: .symbol(two), start: start, end: position)
        }
        if "()[],<>+-".unicodeScalars.contains(character) {
            position += 1
            return Token(kind: .symbol(String(character)), start: start, end: position)
        }
        if character == "=" {
            throw Failure(message: "use '==' to compare, not '='", offset: start)
        }
        if character == "&" || character == "|" || character == "!" {
            throw Failure(message: "use the words 'and', 'or' and 'not' instead of '\(character)'", offset: start)
        }
        throw Failure(message: "unexpected character '\(character)'", offset: start)
    }

    /// A dotted name, with `[]` allowed after a segment: `ai_systems[].purpose`.
    private mutating func name(from start: Int) -> Token {
        while position < scalars.count {
            let character = scalars[position]
            if isLetter(character) || isDigit(character) || character == "_" {
                position += 1
            } else if character == ".", position + 1 < scalars.count,
                      isLetter(scalars[position + 1]) || scalars[position + 1] == "_" {
                position += 1
            } else if character == "[", position + 1 < scalars.count, scalars[position + 1] == "]" {
                position += 2
            } else {
                break
            }
        }
        return Token(kind: .name(text(start, position)), start: start, end: position)
    }

    /// An integer (`45000000`, `45_000_000`), a number (`0.5`, `1e25`) or a date (`2024-02-17`).
    private mutating func number(from start: Int) throws(Failure) -> Token {
        if position + 10 <= scalars.count, let date = CivilDate(text(position, position + 10)),
           position + 10 == scalars.count || !isNameCharacter(scalars[position + 10]) {
            position += 10
            return Token(kind: .date(date), start: start, end: position)
        }
        var digits = ""
        var isInteger = true
        func takeDigits() {
            while position < scalars.count, isDigit(scalars[position]) || scalars[position] == "_" {
                if scalars[position] != "_" { digits.unicodeScalars.append(scalars[position]) }
                position += 1
            }
        }
        takeDigits()
        if position + 1 < scalars.count, scalars[position] == ".", isDigit(scalars[position + 1]) {
            isInteger = false
            digits += "."
            position += 1
            takeDigits()
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var lookahead = position + 1
            if lookahead < scalars.count, scalars[lookahead] == "+" || scalars[lookahead] == "-" { lookahead += 1 }
            if lookahead < scalars.count, isDigit(scalars[lookahead]) {
                isInteger = false
                digits += "e" + text(position + 1, lookahead)
                position = lookahead
                takeDigits()
            }
        }
        if position < scalars.count, isLetter(scalars[position]) || scalars[position] == "_" {
            // "4 months" is fine; "4months" is not a number.
            throw Failure(message: "'\(text(start, position + 1))…' is not a number; put a space before a unit",
                          offset: start)
        }
        if isInteger, let value = Int64(digits) { return Token(kind: .integer(value), start: start, end: position) }
        guard let value = Double(digits) else {
            throw Failure(message: "'\(text(start, position))' is not a number", offset: start)
        }
        return Token(kind: .number(value), start: start, end: position)
    }

    private mutating func string(from start: Int, quote: Unicode.Scalar) throws(Failure) -> Token {
        position += 1
        var value = ""
        while position < scalars.count {
            let character = scalars[position]
            if character == quote {
                position += 1
                return Token(kind: .string(value), start: start, end: position)
            }
            if character == "\\", position + 1 < scalars.count {
                position += 1
            }
            value.unicodeScalars.append(scalars[position])
            position += 1
        }
        throw Failure(message: "this text has no closing \(quote)", offset: start)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[from..<min(to, scalars.count)])
        return result
    }

    private func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private func isNameCharacter(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) || c == "_" }
}
