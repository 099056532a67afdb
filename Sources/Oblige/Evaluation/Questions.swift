/// A fact the manifest does not state, the plain question that asks for it, and the
/// undetermined findings its answer would help decide.
public struct Question: Sendable {
    public let reference: FactReference
    /// `organisation.employees`, `ai_systems[0].purpose`.
    public let path: String
    public let declaration: FactDeclaration
    /// The label of the collection item, for item facts.
    public let itemLabel: String?
    /// Indices into ``Evaluation/outcomes`` of the undetermined findings that wait on this fact.
    public let decides: [Int]

    public var question: String { declaration.question }
}

extension Evaluation {
    /// The facts that undetermined findings are waiting for: only facts whose absence made a
    /// node unknown, not facts a decided branch never needed.
    public func missingFacts(of outcome: Outcome) -> [FactReference] {
        let rule = rule(of: outcome)
        let frame = frame(of: outcome)
        var found = Set<FactReference>()
        // A duty that applies may still wait on facts that say whether it is met.
        if outcome.met == .unknown {
            collectMissing(rule.met, in: frame, into: &found)
            return found.sorted()
        }
        guard outcome.conditionStatus == .undetermined else { return [] }
        collectMissing(rule.when, in: frame, into: &found)
        if value(of: rule.when, in: frame) != .no {
            for node in rule.exemptionNodes { collectMissing(node, in: frame, into: &found) }
        }
        if outcome.dateIsUnknown, let dates = rule.appliesFrom {
            for alternative in dates.alternatives {
                if alternative.condition >= 0 {
                    collectMissing(alternative.condition, in: frame, into: &found)
                    if value(of: alternative.condition, in: frame) != .yes { continue }
                }
                for fact in alternative.facts {
                    let reference = self.reference(fact, in: frame)
                    if facts.value(of: rulebook.vocabulary.facts[Int(fact)], item: reference.item) == nil {
                        found.insert(reference)
                    }
                }
                break
            }
        }
        return found.sorted()
    }

    /// Every missing fact that some undetermined finding waits for, most decisive first: the
    /// fact that more findings wait for comes first; ties go to the more basic fact (declared
    /// earlier in the vocabulary).
    public func questions() -> [Question] {
        var waiting: [FactReference: [Int]] = [:]
        for (index, outcome) in outcomes.enumerated() where outcome.status == .undetermined || outcome.met == .unknown {
            for reference in missingFacts(of: outcome) { waiting[reference, default: []].append(index) }
        }
        return waiting
            .map { reference, decides in
                let declaration = rulebook.vocabulary.facts[reference.fact]
                let label = reference.item.flatMap { item in
                    declaration.collection.map { facts.label(ofItem: item, in: $0) }
                }
                return Question(reference: reference, path: path(of: reference), declaration: declaration,
                                itemLabel: label, decides: decides)
            }
            .sorted { lhs, rhs in
                if lhs.decides.count != rhs.decides.count { return lhs.decides.count > rhs.decides.count }
                return lhs.reference < rhs.reference
            }
    }

    private func reference(_ fact: Int32, in frame: Frame) -> FactReference {
        let declaration = rulebook.vocabulary.facts[Int(fact)]
        return FactReference(fact: Int(fact), item: declaration.collection == nil || frame.item < 0 ? nil : frame.item)
    }

    func collectMissing(_ index: Int32, in frame: Frame, into found: inout Set<FactReference>) {
        guard value(of: index, in: frame) == .unknown else { return }
        let program = rulebook.program
        let node = program.nodes[Int(index)]
        switch node.op {
        case .predicate:
            let predicate = rulebook.predicates[Int(node.a)]
            collectMissing(predicate.root, in: predicate.collection == nil ? .subject : frame, into: &found)
        case .anyItem, .allItems:
            let collection = Int(node.a)
            for item in 0..<facts.itemCount(in: collection) {
                collectMissing(node.b, in: self.frame(collection: collection, item: item), into: &found)
            }
        case .all, .any, .not, .atLeast:
            for child in program.childNodes(of: index) { collectMissing(child, in: frame, into: &found) }
        default:
            for fact in program.info[Int(index)].facts {
                let reference = self.reference(fact, in: frame)
                if facts.value(of: rulebook.vocabulary.facts[Int(fact)], item: reference.item) == nil {
                    found.insert(reference)
                }
            }
        }
    }
}
