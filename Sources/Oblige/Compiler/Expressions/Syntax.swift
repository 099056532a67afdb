import ObligeSyntax

/// A parsed condition, before names are resolved or types checked.
///
/// Every node keeps its own source text and position, so that traces and errors can show
/// exactly which part of a rule they are about.
struct Syntax: Sendable {
    enum Connective: String, Sendable { case all, any }

    indirect enum Kind: Sendable {
        case connective(Connective, [Syntax])
        case not(Syntax)
        case boolean(Bool)
        /// A name used as a condition: a boolean fact or a predicate.
        case reference(String)
        case comparison(ComparisonOperator, Operand, Operand)
        case membership(Operand, [Operand], negated: Bool)
        case contains(Operand, [Operand], mode: ContainsMode)
        case exists(Operand)
        /// `any(collection, condition)` / `all(collection, condition)`.
        case quantifier(Connective, collection: String, collectionLocation: SourceLocation, body: Syntax)
        /// `at_least(n, a, b, …)`: at least `n` of the conditions hold.
        case atLeast(Int, [Syntax])
    }

    var kind: Kind
    var text: String
    var location: SourceLocation
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`.
enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// `contains x` / `contains any [..]` / `contains all [..]`.
enum ContainsMode: UInt8, Sendable { case all, any }

/// A value inside a condition: a name, a literal, or date arithmetic.
struct Operand: Sendable {
    indirect enum Kind: Sendable {
        case name(String)
        case integer(Int64)
        case number(Double)
        case string(String)
        case date(CivilDate)
        case boolean(Bool)
        case asOf
        /// `base + 4 months - 1 day`.
        case offset(Operand, months: Int, days: Int)
        /// `min(a, b, …)` / `max(a, b, …)` of dates or numbers.
        case extremum(isMinimum: Bool, [Operand])
    }

    var kind: Kind
    var text: String
    var location: SourceLocation
}
