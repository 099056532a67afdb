import ObligeSyntax

/// A rule pack as read from YAML, before names are resolved: the compiler's input.
struct PackSource: Sendable {
    var name: String
    var file: String
    var location: SourceLocation
    var description: String?
    /// For a draft: the pack it changes.
    var amends: (name: String, location: SourceLocation)?
    var instrument: InstrumentSource?
    var parameters: [ParameterSource] = []
    /// Named dates that rules use in `applies_from`/`applies_until`.
    var dates: [NamedDateSource] = []
    /// The `applies_from` of rules that do not give their own.
    var defaultAppliesFrom: DateSpecSource?
    var predicates: [PredicateSource] = []
    var classifications: [ClassificationSource] = []
    var rules: [RuleSource] = []
    /// Rule ids a draft removes from the pack it amends.
    var removals: [(id: String, location: SourceLocation)] = []
    /// Drafts folded into this pack by the compiler.
    var draftNames: [String] = []
}

struct InstrumentSource: Sendable {
    var title: String
    var shortName: String?
    var reference: String
    var url: String
    /// A template for an article's own address: `{article}` becomes the article number.
    var articleURL: String?
    var status: InstrumentStatus
    var history: [(date: CivilDate, status: InstrumentStatus, location: SourceLocation)]
    var entryIntoForce: CivilDate?
    var appliesFrom: CivilDate?
    var note: String?
    var location: SourceLocation
}

struct ParameterSource: Sendable {
    var name: String
    var description: String
    var unit: String?
    /// The enum fact whose value selects among keyed values (`per: organisation.member_state`).
    var per: (path: String, location: SourceLocation)?
    var values: [(date: CivilDate, value: YAMLNode)]
    var location: SourceLocation
}

struct NamedDateSource: Sendable {
    var name: String
    var description: String?
    var value: DateSpecSource
    var location: SourceLocation
}

struct PredicateSource: Sendable {
    var name: String
    var condition: Syntax
    var location: SourceLocation
}

/// A label the pack derives for a subject (or item): the first value whose condition holds.
struct ClassificationSource: Sendable {
    var name: String
    var title: String
    var description: String?
    var forEach: (name: String, location: SourceLocation)?
    var values: [(value: String, condition: Syntax, description: String?, article: String?, location: SourceLocation)]
    var location: SourceLocation
}

struct RuleSource: Sendable {
    var id: String
    var title: String
    var article: String
    var url: String?
    var kind: RuleKind
    var addressee: String
    var summary: String
    var note: String?
    var confidence: Confidence
    var transparency: Transparency?
    var forEach: (name: String, location: SourceLocation)?
    var when: Syntax
    var exemptions: [ExemptionSource]
    var appliesFrom: DateSpecSource?
    var appliesUntil: DateSpecSource?
    /// For duties that a measure can meet or leave unmet (State duties): when it is met.
    var metWhen: Syntax?
    /// What the subject lacks when the duty is not met, in the reader's words.
    var gap: String?
    /// Guidance the rule reflects (for example a B-Tech headline).
    var guidance: String?
    var location: SourceLocation
    /// The draft that added or replaced this rule, if any.
    var draft: String?
}

struct ExemptionSource: Sendable {
    var condition: Syntax
    var article: String?
    var summary: String?
    var location: SourceLocation
}

/// A date that may depend on facts: the first alternative whose condition holds gives the date.
struct DateSpecSource: Sendable {
    var alternatives: [(condition: Syntax?, value: Operand)]
    var location: SourceLocation
}
