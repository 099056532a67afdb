public import ObligeSyntax

/// A fact as a trace shows it: where it is, what it says, and where the manifest said it.
public struct TracedFact: Sendable {
    public let reference: FactReference
    /// `organisation.employees`, `ai_systems[0].purpose`.
    public let path: String
    public let declaration: FactDeclaration
    /// `nil` when the manifest does not state it (and nothing is presumed).
    public let value: FactValue?
    public let location: SourceLocation?
    /// True when the value is presumed, not stated (see ``FactDeclaration/presumed``).
    public let isPresumed: Bool
}

/// A parameter as a trace shows it, with the value in force on the evaluation date.
public struct TracedParameter: Sendable {
    public let name: String
    public let value: FactValue?
}

/// One node of a condition tree with the value it had.
public struct TraceNode: Sendable {
    /// What the node is.
    public enum Role: Sendable, Hashable {
        /// A part of a condition.
        case condition
        /// A predicate, expanded into its definition below.
        case predicate(String)
        /// One item of a collection under `any(...)`/`all(...)`.
        case item(label: String)
    }

    public let role: Role
    /// The condition's source text.
    public let text: String
    public let location: SourceLocation
    /// `nil` when evaluation never needed this node (short-circuit).
    public let value: Truth?
    /// Facts the node reads directly.
    public let facts: [TracedFact]
    public let parameters: [TracedParameter]
    public let children: [TraceNode]
}

/// Why a rule has its status for a subject: its condition, its exemptions, and its dates.
public struct Trace: Sendable {
    public let when: TraceNode
    /// Each exemption's condition, in order, with the value it had (if evaluated).
    public let exemptions: [TraceNode]
    /// The date-alternative conditions that were evaluated, if the dates depend on facts.
    public let dates: [TraceNode]
    /// For duties with `met_when`: whether the subject meets it.
    public let met: TraceNode?
}

extension Evaluation {
    /// The trace of one outcome. With `expandingPredicates`, each predicate node carries its
    /// definition's trace below it; without, predicates are leaves that name the predicate (see
    /// ``predicateTraces()`` for their definitions, once each).
    public func trace(of outcome: Outcome, expandingPredicates: Bool = true) -> Trace {
        let rule = rule(of: outcome)
        let frame = frame(of: outcome)
        let dateNodes = [rule.appliesFrom, rule.appliesUntil].compactMap { $0 }
            .flatMap { $0.alternatives.map(\.condition) }
            .filter { $0 >= 0 }
        return Trace(
            when: traceNode(rule.when, in: frame, expanding: expandingPredicates),
            exemptions: rule.exemptionNodes.map { traceNode($0, in: frame, expanding: expandingPredicates) },
            dates: dateNodes.map { traceNode($0, in: frame, expanding: expandingPredicates) },
            met: rule.met >= 0 ? traceNode(rule.met, in: frame, expanding: expandingPredicates) : nil)
    }

    /// Every predicate that evaluation used, once per subject (and once per item for predicates
    /// about items), with its value and its definition's trace (inner predicates not expanded).
    public func predicateTraces() -> [(name: String, item: String?, trace: TraceNode)] {
        var result: [(String, String?, TraceNode)] = []
        for predicate in rulebook.predicates {
            if let collection = predicate.collection {
                for item in 0..<facts.itemCount(in: collection) {
                    let itemFrame = frame(collection: collection, item: item)
                    guard value(of: predicate.root, in: itemFrame) != nil else { continue }
                    result.append((predicate.name, facts.label(ofItem: item, in: collection),
                                   traceNode(predicate.root, in: itemFrame, expanding: false)))
                }
            } else if value(of: predicate.root, in: .subject) != nil {
                result.append((predicate.name, nil, traceNode(predicate.root, in: .subject, expanding: false)))
            }
        }
        return result
    }

    func traceNode(_ index: Int32, in frame: Frame, expanding: Bool = true) -> TraceNode {
        let program = rulebook.program
        let node = program.nodes[Int(index)]
        let info = program.info[Int(index)]
        let value = self.value(of: index, in: frame)
        var children: [TraceNode] = []
        var role = TraceNode.Role.condition
        switch node.op {
        case .predicate:
            let predicate = rulebook.predicates[Int(node.a)]
            role = .predicate(predicate.name)
            if expanding, value != nil {
                children = [traceNode(predicate.root, in: predicate.collection == nil ? .subject : frame)]
            }
        case .anyItem, .allItems:
            let collection = Int(node.a)
            for item in 0..<facts.itemCount(in: collection) where value != nil {
                let itemFrame = self.frame(collection: collection, item: item)
                let body = traceNode(node.b, in: itemFrame, expanding: expanding)
                children.append(TraceNode(
                    role: .item(label: facts.label(ofItem: item, in: collection)), text: body.text,
                    location: facts.location(ofItem: item, in: collection), value: body.value,
                    facts: [], parameters: [], children: [body]))
            }
        default:
            // Below a node that evaluation skipped, nothing was evaluated either.
            if value != nil {
                children = program.childNodes(of: index).map { traceNode($0, in: frame, expanding: expanding) }
            }
        }
        let factReferences = info.facts.map { fact -> FactReference in
            let declaration = rulebook.vocabulary.facts[Int(fact)]
            let item = declaration.collection == nil || frame.item < 0 ? nil : frame.item
            return FactReference(fact: Int(fact), item: item)
        }
        return TraceNode(
            role: role, text: info.text, location: info.location, value: value,
            facts: factReferences.map(traced),
            parameters: info.parameters.map { parameter in
                let declaration = rulebook.parameters[Int(parameter)]
                var key: String?
                if let keyFact = declaration.key, case .enumCase(let value)? = facts.value(of: rulebook.vocabulary.facts[keyFact]) {
                    key = value
                }
                if declaration.key != nil, key == nil {
                    return TracedParameter(name: declaration.name, value: nil)
                }
                return TracedParameter(name: declaration.name, value: declaration.value(on: asOf, key: key))
            },
            children: children)
    }
}
