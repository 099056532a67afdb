/// The type of a fact, as its vocabulary declares it.
public enum FactType: Sendable, Hashable, CustomStringConvertible {
    case boolean
    case integer
    case number
    case string
    case date
    /// One value from a closed list.
    case enumeration(EnumDomain)
    /// Any number of values from a closed list (at most 64).
    case set(EnumDomain)

    /// The word used in the DSL and in messages.
    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .enumeration: "enum"
        case .set: "set"
        }
    }

    /// "an integer", "a date", … for messages.
    public var withArticle: String {
        switch self {
        case .integer, .enumeration: "an \(description)"
        default: "a \(description)"
        }
    }

    /// The domain of an enum or set fact.
    public var domain: EnumDomain? {
        switch self {
        case .enumeration(let domain), .set(let domain): domain
        default: nil
        }
    }

    var isNumeric: Bool { self == .integer || self == .number }
}

/// The closed list of values of an enum or set fact, each with an optional description.
public final class EnumDomain: Sendable, Hashable {
    /// The fact (or parameter) that owns the list, for messages.
    public let owner: String
    public let values: [String]
    public let descriptions: [String?]
    private let positions: [String: Int]

    public init(owner: String, values: [String], descriptions: [String?]) {
        self.owner = owner
        self.values = values
        self.descriptions = descriptions
        var positions: [String: Int] = [:]
        for (index, value) in values.enumerated() where positions[value] == nil { positions[value] = index }
        self.positions = positions
    }

    /// The position of `value` in the list.
    public func index(of value: String) -> Int? { positions[value] }

    public static func == (lhs: EnumDomain, rhs: EnumDomain) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
