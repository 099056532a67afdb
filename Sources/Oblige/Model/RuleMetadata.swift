/// How sure the pack's authors are of a rule's reading of the law.
public enum Confidence: String, Sendable, Hashable, CaseIterable {
    case high, medium, low
}

/// What a transparency requirement discloses, to whom and when.
public struct Transparency: Sendable, Hashable {
    /// Who receives the information.
    public enum Audience: String, Sendable, Hashable, CaseIterable {
        case `public`, users, recipients, consumers, traders
        case dataSubjects = "data_subjects"
        case affectedPersons = "affected_persons"
        case workers
        case workersRepresentatives = "workers_representatives"
        case deployers, providers
        case downstreamProviders = "downstream_providers"
        case controllers
        case authorities
        case supervisoryAuthority = "supervisory_authority"
        case marketSurveillanceAuthority = "market_surveillance_authority"
        case commission
        case coordinators = "digital_services_coordinators"
        case parliament
        case courts
    }

    public var audience: [Audience]
    /// What must be disclosed, in the pack's own words.
    public var what: String
    /// When or how often, if the law says.
    public var when: String?

    public init(audience: [Audience], what: String, when: String?) {
        self.audience = audience
        self.what = what
        self.when = when
    }
}
