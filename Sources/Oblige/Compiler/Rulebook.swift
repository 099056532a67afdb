public import ObligeSyntax

/// A legal instrument that a pack encodes (the GDPR, the DSA, …) and where it stands.
public struct Instrument: Sendable {
    /// The pack's name (`dsa`), which prefixes its rule ids.
    public let pack: String
    public let title: String
    /// A short name for tables (`DSA`); defaults to the title.
    public let shortName: String
    /// The official reference (`Regulation (EU) 2022/2065`).
    public let reference: String
    public let url: String
    /// The current status.
    public let status: InstrumentStatus
    /// Status changes over time, oldest first.
    public let history: [(date: CivilDate, status: InstrumentStatus)]
    public let entryIntoForce: CivilDate?
    /// The default application date of its rules.
    public let appliesFrom: CivilDate?
    public let note: String?
    /// Drafts layered on this instrument (`amends:`), by pack name.
    public let drafts: [String]
    public let location: SourceLocation

    /// The status on `date`: the latest history entry on or before it, else the current status.
    public func status(on date: CivilDate) -> InstrumentStatus {
        guard !history.isEmpty else { return status }
        var result: InstrumentStatus?
        for entry in history where entry.date <= date { result = entry.status }
        // Before its first recorded event the instrument did not exist; treat it as a proposal.
        return result ?? .proposed
    }

    /// The date on which its status last changed on or before `date`.
    public func statusDate(on date: CivilDate) -> CivilDate? {
        history.last { $0.date <= date }?.date
    }
}

/// An exemption (`unless`) of a rule, with its own citation.
public struct Exemption: Sendable {
    public let article: String?
    public let summary: String?
    public let text: String
    public let location: SourceLocation
}

/// A compiled rule: its legal metadata (public) and its compiled conditions (internal).
public struct Rule: Sendable {
    public let id: String
    public let title: String
    public let article: String
    /// The article's own address, or the instrument's.
    public let url: String
    public let kind: RuleKind
    public let addressee: String
    public let summary: String
    public let note: String?
    public let confidence: Confidence
    public let transparency: Transparency?
    /// Index into ``Rulebook/instruments``.
    public let instrument: Int
    /// The collection the rule is evaluated over (`for_each`), if any.
    public let collection: Int?
    public let exemptions: [Exemption]
    public let location: SourceLocation
    /// The draft that added or changed the rule, if any.
    public let draft: String?
    /// The application date when it is the same for every subject.
    public let constantAppliesFrom: CivilDate?
    public let appliesFromText: String?
    public let appliesUntilText: String?
    /// What the subject lacks when the duty is not met (for rules with `met_when`).
    public let gap: String?
    /// Guidance the rule reflects (for example a B-Tech headline).
    public let guidance: String?
    /// True when the rule says when a duty is met, so that unmet duties show as gaps.
    public var assessesMet: Bool { met >= 0 }

    let when: Int32
    /// The `met_when` node, or -1.
    let met: Int32
    let exemptionNodes: [Int32]
    let appliesFrom: DateRule?
    let appliesUntil: DateRule?

    /// True when the rule is a transparency requirement: its kind says so or it has a transparency block.
    public var isTransparencyRequirement: Bool { kind == .transparency || transparency != nil }
}

/// A label a pack derives for a subject or item, such as its DSA tier or AI Act risk class:
/// the first value whose condition holds.
public struct Classification: Sendable {
    public struct Value: Sendable {
        public let label: String
        public let description: String?
        /// The provision that gives the label, if any (`Art. 3(2)(b)`).
        public let article: String?
    }

    /// `pack.name`.
    public let id: String
    public let title: String
    public let description: String?
    public let instrument: Int
    /// The collection it is derived per item for, if any.
    public let collection: Int?
    public let values: [Value]
    public let location: SourceLocation
    let nodes: [Int32]
}

/// A named value that changes over time (a threshold, an application date).
public struct Parameter: Sendable {
    /// `pack.name`.
    public let name: String
    public let description: String
    public let unit: String?
    public let type: FactType
    /// For a parameter that varies by an enum fact (`per:`): that fact's index in the vocabulary.
    public let key: Int?
    /// The dated values (for a keyed parameter, its default).
    public let values: [(date: CivilDate, value: FactValue)]
    /// For a keyed parameter: the dated values by key (`default` included when given).
    public let valuesByKey: [(date: CivilDate, values: [String: FactValue])]
    public let location: SourceLocation
    /// Per dated value: one cell, or (keyed) one per enum value and the default last.
    let tables: [[Cell]]

    /// The value in force on `date`, for the key `key` when the parameter is keyed.
    public func value(on date: CivilDate, key: String? = nil) -> FactValue? {
        guard let position = values.lastIndex(where: { $0.date <= date }) else { return nil }
        guard self.key != nil else { return values[position].value }
        let byKey = valuesByKey[position].values
        return key.flatMap { byKey[$0] } ?? byKey["default"]
    }

    /// The table in force on `date` (empty before the first dated value).
    func table(on date: CivilDate) -> [Cell] {
        guard let position = values.lastIndex(where: { $0.date <= date }) else { return [] }
        return tables[position]
    }
}

/// Everything compiled from a set of packs: vocabulary, instruments, rules, predicates and
/// parameters. Immutable, shareable across threads, and ready to evaluate manifests.
public struct Rulebook: Sendable {
    public let vocabulary: Vocabulary
    public let instruments: [Instrument]
    public let rules: [Rule]
    public let classifications: [Classification]
    public let parameters: [Parameter]
    /// Warnings from compilation (unused predicates, …). Errors prevent a rulebook from existing.
    public let warnings: [Diagnostic]

    let predicates: [CompiledPredicate]
    let program: Program
    let tables: ProgramTables
    let stringIDs: [String: UInt32]
    private let ruleIndex: [String: Int]

    init(
        vocabulary: Vocabulary, instruments: [Instrument], rules: [Rule], classifications: [Classification],
        parameters: [Parameter], predicates: [CompiledPredicate], program: Program, stringIDs: [String: UInt32],
        warnings: [Diagnostic]
    ) {
        self.vocabulary = vocabulary
        self.instruments = instruments
        self.rules = rules
        self.classifications = classifications
        self.parameters = parameters
        self.predicates = predicates
        self.program = program
        self.stringIDs = stringIDs
        self.warnings = warnings
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.id] = position }
        self.ruleIndex = index
        var codes: [RuleCode] = []
        var exemptionNodes: [Int32] = []
        var alternatives: [DateAlternative] = []
        var dateRules: [(start: Int32, count: Int32)] = []
        var dateIndex: [[Int32]: Int32] = [:]
        // Rules that share a date (a pack's named dates are bound once) share its index, so the
        // evaluator computes each date once per subject.
        func date(_ rule: DateRule?) -> Int32 {
            guard let rule else { return -1 }
            let key = rule.alternatives.flatMap { [$0.condition, $0.operand] }
            if let index = dateIndex[key] { return index }
            let start = Int32(alternatives.count)
            for alternative in rule.alternatives {
                alternatives.append(DateAlternative(condition: alternative.condition, operand: alternative.operand))
            }
            dateRules.append((start, Int32(rule.alternatives.count)))
            dateIndex[key] = Int32(dateRules.count - 1)
            return Int32(dateRules.count - 1)
        }
        for rule in rules {
            let exemptionStart = Int32(exemptionNodes.count)
            exemptionNodes += rule.exemptionNodes
            codes.append(RuleCode(
                when: rule.when, met: rule.met, exemptionStart: exemptionStart, exemptionCount: Int32(rule.exemptionNodes.count),
                from: date(rule.appliesFrom), until: date(rule.appliesUntil),
                instrument: Int32(rule.instrument), collection: Int32(rule.collection ?? -1)))
        }
        self.tables = ProgramTables(program: program, rules: codes, exemptionNodes: exemptionNodes,
                                    dateAlternatives: alternatives, dateRules: dateRules, predicates: predicates)
    }

    /// The position of the rule with `id`.
    public func ruleIndex(of id: String) -> Int? { ruleIndex[id] }

    /// The known rule id closest to `id`, for "did you mean".
    public func suggestRule(for id: String) -> String? {
        Suggestions.closest(to: id, among: rules.map(\.id))
    }

    /// Names of all predicates (`pack.name`).
    public var predicateNames: [String] { predicates.map(\.name) }

    /// Validates a loaded manifest against the vocabulary.
    public func facts(from root: YAMLNode?, file: String) throws(DiagnosticError) -> Facts {
        var validator = ManifestValidator(vocabulary: vocabulary, stringIDs: stringIDs)
        var facts = try validator.validate(root, file: file)
        if let node = facts.complianceNode {
            facts.compliance = try ComplianceReader(rulebook: self, facts: facts).read(node)
        }
        return facts
    }

    /// Loads and validates the manifest at `path`.
    public func facts(file path: String, limits: LoadLimits = .standard) throws(DiagnosticError) -> Facts {
        let root = try YAMLLoader(limits: limits).load(file: path)
        return try facts(from: root, file: path)
    }
}
