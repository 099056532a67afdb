/// Why a finding or a compliance entry needs attention.
public enum GateReason: String, Sendable, CaseIterable {
    /// A prohibited practice applies.
    case prohibited
    /// An obligation, transparency requirement or right applies and no entry accounts for it.
    case unacknowledged
    /// A rule that binds the subject may apply; facts are missing and no entry accounts for it.
    case undetermined
    /// An obligation starts within the policy's window and is neither implemented nor planned.
    case upcoming
    /// A duty with `met_when` is engaged and not met.
    case gap
    /// The waiver covering a finding has expired.
    case expiredWaiver = "expired_waiver"
    /// A compliance entry names no rule that applies, may apply or is upcoming.
    case stale

    /// Whether `policy` makes this reason fail the gate.
    public func fails(under policy: GatePolicy) -> Bool {
        switch self {
        case .prohibited: policy.prohibited
        case .unacknowledged: policy.unacknowledged
        case .undetermined: policy.undetermined
        case .upcoming: policy.upcomingWithinDays != nil
        case .gap: policy.gaps
        case .expiredWaiver: policy.expired
        case .stale: policy.stale
        }
    }
}
