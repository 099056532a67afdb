import ObligeSyntax

/// Where an expression string sits in its file, to turn token offsets into positions.
struct ExpressionSource: Sendable {
    private let scalar: YAMLScalar
    /// Where the string starts.
    let location: SourceLocation

    var text: String { scalar.text }

    /// A string at `location` on one line (a test or a synthetic condition).
    init(text: String, location: SourceLocation) {
        self.init(YAMLScalar(text: text, style: .plain, value: .string(text), endLine: location.line), at: location)
    }

    /// The source of a YAML scalar, including conditions written over several lines.
    init(_ scalar: YAMLScalar, at location: SourceLocation) {
        self.scalar = scalar
        self.location = location
    }

    /// The position of a byte offset into the text (columns count Unicode scalars).
    func location(at offset: Int) -> SourceLocation { scalar.location(ofOffset: offset, from: location) }
}

/// Parses one condition string into ``Syntax``.
///
/// Grammar, loosest binding first:
/// ```
/// expression := and ('or' and)*
/// and        := negation ('and' negation)*
/// negation   := 'not' negation | relation
/// relation   := '(' expression ')' | 'true' | 'false' | ('any'|'all') '(' NAME ',' expression ')'
///             | 'at_least' '(' INTEGER (',' expression)+ ')'
///             | operand [ comparison operand | ['not'] 'in' list | 'contains' ['any'|'all'] (list|operand) | 'exists' ]
/// operand    := primary (('+'|'-') INTEGER unit)*
/// primary    := NAME | INTEGER | NUMBER | STRING | DATE | 'as_of' | ('min'|'max') '(' operand (',' operand)* ')'
/// ```
struct ExpressionParser {
    private let source: ExpressionSource
    private let bytes: [UInt8]
    private var tokens: [Token] = []
    private var index = 0

    static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "exists", "true", "false", "as_of"]
    static let durationUnits = ["day", "days", "week", "weeks", "month", "months", "year", "years"]

    private struct Failure: Error {
        var diagnostic: Diagnostic
    }

    private init(source: ExpressionSource) {
        self.source = source
        self.bytes = Array(source.text.utf8)
    }

    /// The parsed condition, or a diagnostic pointing at the offending token.
    static func parseCondition(_ source: ExpressionSource) -> Result<Syntax, Diagnostic> {
        var parser = ExpressionParser(source: source)
        return parser.run { (parser: inout ExpressionParser) throws(Failure) in try parser.expression() }
    }

    /// A value expression on its own (used for dates such as `applies_from`).
    static func parseOperand(_ source: ExpressionSource) -> Result<Operand, Diagnostic> {
        var parser = ExpressionParser(source: source)
        return parser.run { (parser: inout ExpressionParser) throws(Failure) in try parser.operand() }
    }

    private mutating func run<T>(
        _ body: (inout ExpressionParser) throws(Failure) -> T
    ) -> Result<T, Diagnostic> {
        switch Lexer.tokens(bytes) {
        case .failure(let failure):
            return .failure(.error("condition.syntax", failure.message, at: source.location(at: failure.offset)))
        case .success(let tokens):
            self.tokens = tokens
        }
        if tokens.count == 1 {
            return .failure(.error("condition.syntax", "the condition is empty", at: source.location))
        }
        do throws(Failure) {
            let result = try body(&self)
            guard case .end = current.kind else { throw failure("unexpected \(describe(current)) after a complete condition") }
            return .success(result)
        } catch {
            return .failure(error.diagnostic)
        }
    }

    // MARK: Conditions

    private mutating func expression() throws(Failure) -> Syntax {
        try connective(.any, keyword: "or") { (parser: inout ExpressionParser) throws(Failure) in try parser.conjunction() }
    }

    private mutating func conjunction() throws(Failure) -> Syntax {
        try connective(.all, keyword: "and") { (parser: inout ExpressionParser) throws(Failure) in try parser.negation() }
    }

    private mutating func connective(
        _ kind: Syntax.Connective, keyword: String,
        _ part: (inout ExpressionParser) throws(Failure) -> Syntax
    ) throws(Failure) -> Syntax {
        let start = current.start
        var parts = [try part(&self)]
        while isName(keyword) {
            advance()
            parts.append(try part(&self))
        }
        if parts.count == 1 { return parts[0] }
        return node(.connective(kind, parts), from: start)
    }

    private mutating func negation() throws(Failure) -> Syntax {
        let start = current.start
        if isName("not") {
            advance()
            let inner = try negation()
            return node(.not(inner), from: start)
        }
        return try relation()
    }

    private mutating func relation() throws(Failure) -> Syntax {
        let start = current.start
        if isSymbol("(") {
            advance()
            var inner = try expression()
            try expect(")")
            inner.text = text(start, previousEnd)
            inner.location = source.location(at: start)
            if case .symbol(let symbol) = current.kind, ComparisonOperator(rawValue: symbol) != nil {
                throw failure("a condition in parentheses cannot be compared; compare values instead")
            }
            return inner
        }
        if isName("true") || isName("false") {
            let value = isName("true")
            advance()
            return node(.boolean(value), from: start)
        }
        if (isName("any") || isName("all")), peek(1).kind == .symbol("(") {
            return try quantifier()
        }
        if isName("at_least"), peek(1).kind == .symbol("(") {
            return try atLeast()
        }
        let left = try operand()
        switch current.kind {
        case .symbol(let symbol) where ComparisonOperator(rawValue: symbol) != nil:
            advance()
            let right = try operand()
            return node(.comparison(ComparisonOperator(rawValue: symbol) ?? .equal, left, right), from: start)
        case .name("in"):
            advance()
            let items = try list()
            return node(.membership(left, items, negated: false), from: start)
        case .name("not") where peek(1).kind == .name("in"):
            advance()
            advance()
            let items = try list()
            return node(.membership(left, items, negated: true), from: start)
        case .name("contains"):
            advance()
            var mode = ContainsMode.all
            if isName("any") || isName("all"), peek(1).kind == .symbol("[") {
                mode = isName("any") ? .any : .all
                advance()
            }
            let values = isSymbol("[") ? try list() : [try operand()]
            return node(.contains(left, values, mode: mode), from: start)
        case .name("exists"):
            advance()
            return node(.exists(left), from: start)
        default:
            guard case .name(let name) = left.kind else {
                throw Failure(diagnostic: .error(
                    "condition.syntax", "'\(left.text)' is a value, not a condition; compare it with something",
                    at: left.location))
            }
            return Syntax(kind: .reference(name), text: left.text, location: left.location)
        }
    }

    private mutating func quantifier() throws(Failure) -> Syntax {
        let start = current.start
        let kind: Syntax.Connective = isName("any") ? .any : .all
        advance()
        try expect("(")
        guard case .name(let collection) = current.kind else {
            throw failure("expected a collection name, such as ai_systems, after '\(kind.rawValue)('")
        }
        let collectionLocation = source.location(at: current.start)
        advance()
        try expect(",")
        let body = try expression()
        try expect(")")
        return node(.quantifier(kind, collection: collection, collectionLocation: collectionLocation, body: body),
                    from: start)
    }

    /// `at_least(n, condition, condition, …)`.
    private mutating func atLeast() throws(Failure) -> Syntax {
        let start = current.start
        advance()
        try expect("(")
        guard case .integer(let count) = current.kind, count >= 1 else {
            throw failure("expected how many conditions must hold (a whole number from 1) after 'at_least('")
        }
        advance()
        var parts: [Syntax] = []
        while isSymbol(",") {
            advance()
            parts.append(try expression())
        }
        try expect(")")
        guard Int(count) <= parts.count else {
            throw Failure(diagnostic: .error(
                "condition.syntax", "at_least(\(count), …) lists only \(parts.count) condition\(parts.count == 1 ? "" : "s")",
                at: source.location(at: start)))
        }
        return node(.atLeast(Int(count), parts), from: start)
    }

    private mutating func list() throws(Failure) -> [Operand] {
        try expect("[")
        var items: [Operand] = []
        while !isSymbol("]") {
            items.append(try operand())
            if isSymbol(",") { advance() } else { break }
        }
        try expect("]")
        if items.isEmpty { throw failure("an empty list matches nothing; list at least one value") }
        return items
    }

    // MARK: Operands

    private mutating func operand() throws(Failure) -> Operand {
        let start = current.start
        var value = try primary()
        var months = 0
        var days = 0
        var hasOffset = false
        while isSymbol("+") || isSymbol("-") {
            let sign = isSymbol("+") ? 1 : -1
            advance()
            guard case .integer(let amount) = current.kind else {
                throw failure("expected a duration such as '4 months' after '\(sign > 0 ? "+" : "-")'")
            }
            advance()
            guard case .name(let unit) = current.kind, Self.durationUnits.contains(unit) else {
                throw failure("expected a unit (days, weeks, months or years) after \(amount)")
            }
            advance()
            let signed = sign * Int(amount)
            switch unit {
            case "day", "days": days += signed
            case "week", "weeks": days += 7 * signed
            case "month", "months": months += signed
            default: months += 12 * signed
            }
            hasOffset = true
        }
        if hasOffset {
            value = Operand(kind: .offset(value, months: months, days: days), text: text(start, previousEnd),
                            location: source.location(at: start))
        }
        return value
    }

    private mutating func primary() throws(Failure) -> Operand {
        let token = current
        let location = source.location(at: token.start)
        var negative = false
        if isSymbol("-") {
            negative = true
            advance()
        }
        let kind: Operand.Kind
        switch current.kind {
        case .integer(let value): kind = .integer(negative ? -value : value)
        case .number(let value): kind = .number(negative ? -value : value)
        case _ where negative: throw failure("expected a number after '-'")
        case .string(let value): kind = .string(value)
        case .date(let value): kind = .date(value)
        case .name("as_of"): kind = .asOf
        case .name("true"): kind = .boolean(true)
        case .name("false"): kind = .boolean(false)
        case .name(let name) where (name == "min" || name == "max") && peek(1).kind == .symbol("("):
            advance()
            advance()
            var arguments = [try operand()]
            while isSymbol(",") {
                advance()
                arguments.append(try operand())
            }
            try expect(")")
            return Operand(kind: .extremum(isMinimum: name == "min", arguments),
                           text: text(token.start, previousEnd), location: location)
        case .name(let name) where !Self.keywords.contains(name):
            kind = .name(name)
        default:
            throw failure("expected a fact, a predicate or a value, but found \(describe(current))")
        }
        advance()
        return Operand(kind: kind, text: text(token.start, previousEnd), location: location)
    }

    // MARK: Tokens

    private var current: Token { tokens[index] }
    private var previousEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

    private func peek(_ distance: Int) -> Token { tokens[min(index + distance, tokens.count - 1)] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private func isName(_ name: String) -> Bool { current.kind == .name(name) }
    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func expect(_ symbol: String) throws(Failure) {
        guard isSymbol(symbol) else { throw failure("expected '\(symbol)' but found \(describe(current))") }
        advance()
    }

    private func failure(_ message: String) -> Failure {
        Failure(diagnostic: .error("condition.syntax", message, at: source.location(at: current.start)))
    }

    private func describe(_ token: Token) -> String {
        token.kind == .end ? "the end of the condition" : "'\(text(token.start, token.end))'"
    }

    private func node(_ kind: Syntax.Kind, from start: Int) -> Syntax {
        Syntax(kind: kind, text: text(start, previousEnd), location: source.location(at: start))
    }

    /// The source text between two byte offsets, with runs of white space (from folded YAML)
    /// made single spaces.
    private func text(_ from: Int, _ to: Int) -> String {
        let slice = bytes[min(from, bytes.count)..<min(max(from, to), bytes.count)]
        var clean = slice.last != 0x20
        var previous: UInt8 = 0x20
        for byte in slice where clean {
            if byte == 0x0A || byte == 0x09 || byte == 0x0D || (byte == 0x20 && previous == 0x20) { clean = false }
            previous = byte
        }
        if clean { return String(decoding: slice, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(slice.count)
        var pendingSpace = false
        for byte in slice {
            if Lexer.isSpace(byte) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
