/// A value of three-valued (Kleene) logic: a missing fact is `unknown`, not false.
public enum Truth: UInt8, Sendable, Hashable, CustomStringConvertible {
    case no = 0
    case yes = 1
    case unknown = 2

    public init(_ value: Bool) { self = value ? .yes : .no }

    /// Kleene negation: unknown stays unknown.
    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .no: .yes
        case .yes: .no
        case .unknown: .unknown
        }
    }

    /// Kleene conjunction: false wins over unknown.
    public static func && (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .no || rhs == .no { return .no }
        if lhs == .yes && rhs == .yes { return .yes }
        return .unknown
    }

    /// Kleene disjunction: true wins over unknown.
    public static func || (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .yes || rhs == .yes { return .yes }
        if lhs == .no && rhs == .no { return .no }
        return .unknown
    }

    /// `true`, `false` or `unknown`, as shown in traces and reports.
    public var description: String {
        switch self {
        case .no: "false"
        case .yes: "true"
        case .unknown: "unknown"
        }
    }
}
