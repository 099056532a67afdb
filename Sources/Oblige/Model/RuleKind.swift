/// What kind of legal consequence a rule states.
public enum RuleKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Something the addressee must do.
    case obligation
    /// Something the addressee must not do. A prohibition that applies fails the gate.
    case prohibition
    /// Something the addressee must disclose, to whom and when.
    case transparency
    /// A right that people hold against the addressee.
    case right
    /// A liability rule: who answers for damage, and on what terms.
    case liability
    /// A duty of a State (UN Guiding Principles, Pillar I).
    case stateDuty = "state_duty"

    /// The order used when reports group findings: prohibitions first and loud.
    public var displayRank: Int {
        switch self {
        case .prohibition: 0
        case .obligation: 1
        case .transparency: 2
        case .right: 3
        case .stateDuty: 4
        case .liability: 5
        }
    }

    public static func < (lhs: RuleKind, rhs: RuleKind) -> Bool { lhs.displayRank < rhs.displayRank }
}
