/// The outcome of one rule for one subject (and scope item) on the evaluation date.
public enum FindingStatus: String, Sendable, Hashable, CaseIterable {
    /// The conditions hold and the rule applies on the evaluation date.
    case applies
    /// The conditions do not hold (or the rule stopped applying before the evaluation date).
    case notApplicable = "not_applicable"
    /// Facts are missing that would decide it; the finding lists them.
    case undetermined
    /// The conditions hold, but an exemption (`unless`) does too; the finding cites it.
    case exempt
    /// The conditions hold, but the rule applies only from a later date.
    case upcoming
    /// The instrument is proposed or withdrawn: not binding law, reported apart.
    case notInForce = "not_in_force"

    /// True for the statuses that mean "this does not bind the subject now".
    public var isBinding: Bool { self == .applies }
}
