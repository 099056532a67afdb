import ObligeSyntax

/// The result of one rule for one subject (and one item, for `for_each` rules).
public struct Outcome: Sendable, Hashable {
    /// Index into ``Rulebook/rules``.
    public let rule: Int
    /// The collection item, for rules evaluated per item.
    public let item: Int?
    public let status: FindingStatus
    /// The status the conditions and dates give; differs from ``status`` only for
    /// `not_in_force` findings (what would follow if the instrument were law).
    public let conditionStatus: FindingStatus
    /// Index into the rule's ``Rule/exemptions`` of the exemption that held.
    public let exemption: Int?
    public let appliesFrom: CivilDate?
    public let appliesUntil: CivilDate?
    /// True when the application date depends on a fact the manifest does not state.
    public let dateIsUnknown: Bool
    /// For duties with `met_when` that apply: whether the subject meets them; `nil` otherwise.
    public let met: Truth?

    /// A duty that applies and that the subject does not meet.
    public var isGap: Bool { status == .applies && met == .no }
}

/// The label a classification gives a subject (or item).
public struct ClassificationOutcome: Sendable, Hashable {
    /// Index into ``Rulebook/classifications``.
    public let classification: Int
    public let item: Int?
    /// Index into the classification's values; `nil` when undetermined or when no value fits.
    public let value: Int?
    /// True when a fact is missing that would decide the label.
    public let isUndetermined: Bool
}

/// A fact of the subject or of one collection item.
public struct FactReference: Sendable, Hashable, Comparable {
    /// Index into ``Vocabulary/facts``.
    public let fact: Int
    public let item: Int?

    public static func < (lhs: FactReference, rhs: FactReference) -> Bool {
        (lhs.fact, lhs.item ?? -1) < (rhs.fact, rhs.item ?? -1)
    }
}

/// Every outcome for one subject on one date, with what traces and questions need.
public struct Evaluation: Sendable {
    public let rulebook: Rulebook
    public let facts: Facts
    public let asOf: CivilDate
    public let outcomes: [Outcome]
    public let classifications: [ClassificationOutcome]
    let values: NodeValues
    let sectionStarts: [Int]
    let parameterCells: [Cell]

    public func rule(of outcome: Outcome) -> Rule { rulebook.rules[outcome.rule] }

    public func instrument(of outcome: Outcome) -> Instrument {
        rulebook.instruments[rulebook.rules[outcome.rule].instrument]
    }

    /// The label of the outcome's item (`CV screener`), if it has one.
    public func itemLabel(of outcome: Outcome) -> String? {
        guard let item = outcome.item, let collection = rule(of: outcome).collection else { return nil }
        return facts.label(ofItem: item, in: collection)
    }

    /// The label of a classification outcome, or `nil`.
    public func label(of outcome: ClassificationOutcome) -> String? {
        outcome.value.map { rulebook.classifications[outcome.classification].values[$0].label }
    }

    /// The classification outcomes with `id` (`dsa.tier`), one per item for per-item classifications.
    public func classifications(withID id: String) -> [ClassificationOutcome] {
        classifications.filter { rulebook.classifications[$0.classification].id == id }
    }

    /// The label of the classification's item, if it is per item.
    public func itemLabel(of outcome: ClassificationOutcome) -> String? {
        guard let item = outcome.item, let collection = rulebook.classifications[outcome.classification].collection
        else { return nil }
        return facts.label(ofItem: item, in: collection)
    }

    /// The facts an undetermined classification waits for.
    public func missingFacts(of outcome: ClassificationOutcome) -> [FactReference] {
        guard outcome.isUndetermined else { return [] }
        let classification = rulebook.classifications[outcome.classification]
        var frame = Frame.subject
        if let item = outcome.item, let collection = classification.collection {
            frame = self.frame(collection: collection, item: item)
        }
        var found = Set<FactReference>()
        for node in classification.nodes {
            collectMissing(node, in: frame, into: &found)
            if value(of: node, in: frame) == .unknown { break }
        }
        return found.sorted()
    }

    /// The outcomes of the rule with `id` (one per item for `for_each` rules).
    public func outcomes(ofRule id: String) -> [Outcome] {
        guard let index = rulebook.ruleIndex(of: id) else { return [] }
        return outcomes.filter { $0.rule == index }
    }

    /// How a fact reference is written: `organisation.employees`, `ai_systems[0].purpose`.
    public func path(of reference: FactReference) -> String {
        let declaration = rulebook.vocabulary.facts[reference.fact]
        guard let item = reference.item, let collection = declaration.collection else { return declaration.path }
        let name = rulebook.vocabulary.collections[collection].name
        // Only the first segment of a path can be a collection: `ai_systems[].purpose`.
        return "\(name)[\(item)]" + declaration.path.dropFirst(name.count + 2)
    }

    /// The value and position of a fact, as the trace shows it.
    public func traced(_ reference: FactReference) -> TracedFact {
        let declaration = rulebook.vocabulary.facts[reference.fact]
        return TracedFact(
            reference: reference, path: path(of: reference), declaration: declaration,
            value: facts.value(of: declaration, item: reference.item),
            location: facts.location(of: declaration, item: reference.item),
            isPresumed: facts.isPresumed(declaration, item: reference.item))
    }

    /// Presumed facts (unstated, assumed by the vocabulary) that evaluation actually read.
    public func presumptionsUsed() -> [TracedFact] {
        let program = rulebook.program
        let nodeCount = program.nodes.count
        var found = Set<FactReference>()
        var frames: [Frame] = [.subject]
        for collection in sectionStarts.indices {
            for item in 0..<facts.itemCount(in: collection) { frames.append(frame(collection: collection, item: item)) }
        }
        for frame in frames {
            for node in 0..<nodeCount where values[frame.section * nodeCount + node] != EvaluationRun.unevaluated {
                for fact in program.info[node].facts {
                    let declaration = rulebook.vocabulary.facts[Int(fact)]
                    guard declaration.presumed != nil else { continue }
                    let item = declaration.collection == nil ? nil : (frame.item >= 0 ? frame.item : nil)
                    if declaration.collection != nil, item == nil { continue }
                    if facts.isPresumed(declaration, item: item) { found.insert(FactReference(fact: Int(fact), item: item)) }
                }
            }
        }
        return found.sorted().map(traced)
    }

    func frame(of outcome: Outcome) -> Frame {
        guard let item = outcome.item, let collection = rule(of: outcome).collection else { return .subject }
        return frame(collection: collection, item: item)
    }

    func frame(collection: Int, item: Int) -> Frame {
        Frame(section: sectionStarts[collection] + item, collection: collection, item: item,
              base: facts.items[collection][item].base)
    }

    func value(of node: Int32, in frame: Frame) -> Truth? {
        Truth(rawValue: values[frame.section * rulebook.program.nodes.count + Int(node)])
    }
}
