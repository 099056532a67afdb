/// Where an instrument stands in the legislative life cycle.
public enum InstrumentStatus: String, Sendable, Hashable, CaseIterable {
    case proposed
    case adopted
    case inForce = "in_force"
    case withdrawn
    case repealed

    /// Proposed and withdrawn instruments are not law: their findings are `not_in_force`.
    /// A repealed instrument can still govern facts from before its repeal, so its rules
    /// keep being evaluated (their conditions carry the temporal limits).
    public var isLaw: Bool {
        switch self {
        case .proposed, .withdrawn: false
        case .adopted, .inForce, .repealed: true
        }
    }
}
