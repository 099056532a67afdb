/// Evaluates a rulebook against subjects' facts on one date.
///
/// Create one evaluator per date and reuse it: parameters and instrument statuses are
/// resolved once. Evaluation is three-valued, short-circuits like Kleene logic, evaluates each
/// predicate at most once per scope, and records every node's value for traces.
public struct Evaluator: Sendable {
    public let rulebook: Rulebook
    public let asOf: CivilDate
    let parameterCells: [Cell]
    let instrumentIsLaw: [Bool]

    public init(rulebook: Rulebook, asOf: CivilDate) {
        self.rulebook = rulebook
        self.asOf = asOf
        parameterCells = rulebook.parameters.map { $0.cell(on: asOf) }
        instrumentIsLaw = rulebook.instruments.map { $0.status(on: asOf).isLaw }
    }

    /// The outcome of every rule (and every item of `for_each` rules) for one subject.
    public func evaluate(_ facts: Facts) -> Evaluation {
        var run = EvaluationRun(evaluator: self, facts: facts)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(rulebook.rules.count)
        for (index, rule) in rulebook.rules.enumerated() {
            if let collection = rule.collection {
                for item in 0..<facts.items[collection].count {
                    run.frame = run.itemFrame(collection: collection, item: item)
                    outcomes.append(run.outcome(of: rule, index: index, item: item))
                }
                run.frame = .subject
            } else {
                outcomes.append(run.outcome(of: rule, index: index, item: nil))
            }
        }
        var labels: [ClassificationOutcome] = []
        for (index, classification) in rulebook.classifications.enumerated() {
            if let collection = classification.collection {
                for item in 0..<facts.items[collection].count {
                    run.frame = run.itemFrame(collection: collection, item: item)
                    labels.append(run.classify(classification, index: index, item: item))
                }
                run.frame = .subject
            } else {
                labels.append(run.classify(classification, index: index, item: nil))
            }
        }
        return Evaluation(rulebook: rulebook, facts: facts, asOf: asOf, outcomes: outcomes, classifications: labels,
                          values: run.values, sectionStarts: run.sectionStarts, parameterCells: parameterCells)
    }
}

/// Where evaluation currently is: the subject, or one item of a collection.
struct Frame: Equatable {
    var section: Int
    var collection: Int
    var item: Int

    static let subject = Frame(section: 0, collection: -1, item: -1)
}

/// The mutable state of one evaluation: node values per section, and the current frame.
struct EvaluationRun {
    static let unevaluated: UInt8 = 255

    let evaluator: Evaluator
    let program: Program
    let facts: Facts
    let nodeCount: Int
    /// `values[section * nodeCount + node]`: a ``Truth`` raw value or ``unevaluated``.
    var values: [UInt8]
    /// First section of each collection's items (section 0 is the subject).
    let sectionStarts: [Int]
    var frame = Frame.subject

    init(evaluator: Evaluator, facts: Facts) {
        self.evaluator = evaluator
        self.program = evaluator.rulebook.program
        self.facts = facts
        self.nodeCount = program.nodes.count
        var starts: [Int] = []
        var next = 1
        for items in facts.items {
            starts.append(next)
            next += items.count
        }
        self.sectionStarts = starts
        self.values = [UInt8](repeating: Self.unevaluated, count: nodeCount * next)
    }

    func itemFrame(collection: Int, item: Int) -> Frame {
        Frame(section: sectionStarts[collection] + item, collection: collection, item: item)
    }

    // MARK: Rules

    mutating func outcome(of rule: Rule, index: Int, item: Int?) -> Outcome {
        let when = evaluate(rule.when)
        var exemption: Int?
        var exemptionUnknown = false
        if when != .no {
            for (position, node) in rule.exemptionNodes.enumerated() {
                let value = evaluate(node)
                if value == .yes {
                    exemption = position
                    break
                }
                if value == .unknown { exemptionUnknown = true }
            }
        }
        let from = date(rule.appliesFrom)
        let until = date(rule.appliesUntil)
        let asOf = evaluator.asOf
        var status: FindingStatus
        if case .known(let end) = until, asOf >= end {
            status = .notApplicable
        } else if when == .no {
            status = .notApplicable
        } else if exemption != nil {
            status = .exempt
        } else if when == .unknown || exemptionUnknown {
            status = .undetermined
        } else {
            switch from {
            case .unknown: status = .undetermined
            case .known(let start) where asOf < start: status = .upcoming
            default: status = .applies
            }
        }
        let conditionStatus = status
        if !evaluator.instrumentIsLaw[rule.instrument] { status = .notInForce }
        return Outcome(rule: index, item: item, status: status, conditionStatus: conditionStatus,
                       exemption: exemption, appliesFrom: from.date, appliesUntil: until.date,
                       dateIsUnknown: from == .unknown)
    }

    /// The first value whose condition holds; an earlier condition that is unknown leaves it undetermined.
    mutating func classify(_ classification: Classification, index: Int, item: Int?) -> ClassificationOutcome {
        for (position, node) in classification.nodes.enumerated() {
            switch evaluate(node) {
            case .yes: return ClassificationOutcome(classification: index, item: item, value: position, isUndetermined: false)
            case .unknown: return ClassificationOutcome(classification: index, item: item, value: nil, isUndetermined: true)
            case .no: continue
            }
        }
        return ClassificationOutcome(classification: index, item: item, value: nil, isUndetermined: false)
    }

    enum DateOutcome: Equatable {
        case none
        case known(CivilDate)
        case unknown

        var date: CivilDate? {
            if case .known(let date) = self { return date }
            return nil
        }
    }

    mutating func date(_ rule: DateRule?) -> DateOutcome {
        guard let rule else { return .none }
        for alternative in rule.alternatives {
            let holds = alternative.condition < 0 ? Truth.yes : evaluate(alternative.condition)
            switch holds {
            case .no: continue
            case .unknown: return .unknown
            case .yes:
                let cell = operand(alternative.operand)
                return cell.tag == .date ? .known(cell.dateValue) : .unknown
            }
        }
        return .none
    }

    // MARK: Conditions

    mutating func evaluate(_ index: Int32) -> Truth {
        let slot = frame.section * nodeCount + Int(index)
        let stored = values[slot]
        if stored != Self.unevaluated, let known = Truth(rawValue: stored) { return known }
        let result = compute(index)
        values[slot] = result.rawValue
        return result
    }

    private mutating func compute(_ index: Int32) -> Truth {
        let node = program.nodes[Int(index)]
        switch node.op {
        case .constant:
            return Truth(rawValue: node.flag) ?? .unknown
        case .all:
            var result = Truth.yes
            for position in Int(node.a)..<Int(node.a + node.b) {
                let value = evaluate(program.children[position])
                if value == .no { return .no }
                if value == .unknown { result = .unknown }
            }
            return result
        case .any:
            var result = Truth.no
            for position in Int(node.a)..<Int(node.a + node.b) {
                let value = evaluate(program.children[position])
                if value == .yes { return .yes }
                if value == .unknown { result = .unknown }
            }
            return result
        case .not:
            return !evaluate(node.a)
        case .predicate:
            let predicate = evaluator.rulebook.predicates[Int(node.a)]
            if predicate.collection == nil, frame != .subject {
                let saved = frame
                frame = .subject
                defer { frame = saved }
                return evaluate(predicate.root)
            }
            return evaluate(predicate.root)
        case .truthOf:
            let cell = operand(node.a)
            return cell.tag == .bool ? Truth(cell.boolValue) : .unknown
        case .compare:
            return compare(operand(node.a), operand(node.b), kind: node.kind, operator: node.flag)
        case .member:
            let cell = operand(node.a)
            if cell.isAbsent { return .unknown }
            var found = false
            for position in Int(node.b)..<Int(node.b + node.c)
            where Self.equal(cell, program.listCells[position], kind: node.kind) {
                found = true
                break
            }
            return Truth(found != (node.flag == 1))
        case .contains:
            let cell = operand(node.a)
            if cell.isAbsent { return .unknown }
            let mask = program.masks[Int(node.b)]
            let mode = ContainsMode(rawValue: node.flag) ?? .all
            return Truth(mode == .all ? cell.bits & mask == mask : cell.bits & mask != 0)
        case .exists:
            return Truth(!operand(node.a).isAbsent)
        case .anyItem, .allItems:
            let collection = Int(node.a)
            let isAny = node.op == .anyItem
            var result = isAny ? Truth.no : Truth.yes
            let saved = frame
            defer { frame = saved }
            for item in 0..<facts.items[collection].count {
                frame = itemFrame(collection: collection, item: item)
                let value = evaluate(node.b)
                if isAny, value == .yes { return .yes }
                if !isAny, value == .no { return .no }
                if value == .unknown { result = .unknown }
            }
            return result
        }
    }

    // MARK: Operands

    func operand(_ index: Int32) -> Cell {
        let code = program.operands[Int(index)]
        switch code.kind {
        case .literal: return code.literal
        case .fact: return facts.cells[Int(code.slot)]
        case .itemFact:
            guard frame.collection >= 0 else { return .absent }
            return facts.items[frame.collection][frame.item].cells[Int(code.slot)]
        case .parameter: return evaluator.parameterCells[Int(code.slot)]
        case .asOf: return .date(evaluator.asOf)
        case .offset:
            let base = operand(code.slot)
            guard base.tag == .date else { return .absent }
            return .date(base.dateValue.adding(months: Int(code.months)).adding(days: Int(code.days)))
        case .minimum, .maximum:
            var best = Cell.absent
            for position in Int(code.slot)..<Int(code.slot + code.count) {
                let cell = operand(program.operandArguments[position])
                if cell.isAbsent { return .absent }
                if best.isAbsent {
                    best = cell
                    continue
                }
                let less = cell.tag == .date ? cell.dateValue < best.dateValue : cell.numberValue < best.numberValue
                if less == (code.kind == .minimum) { best = cell }
            }
            return best
        }
    }

    private func compare(_ left: Cell, _ right: Cell, kind: Program.ComparisonKind, operator flag: UInt8) -> Truth {
        if left.isAbsent || right.isAbsent { return .unknown }
        let order: Int
        switch kind {
        case .numeric:
            if left.tag == .integer, right.tag == .integer {
                order = left.integerValue < right.integerValue ? -1 : (left.integerValue == right.integerValue ? 0 : 1)
            } else {
                let (a, b) = (left.numberValue, right.numberValue)
                order = a < b ? -1 : (a == b ? 0 : 1)
            }
        case .date:
            let (a, b) = (left.dateValue, right.dateValue)
            order = a < b ? -1 : (a == b ? 0 : 1)
        case .bits, .string:
            order = Self.equal(left, right, kind: kind) ? 0 : 1
        }
        switch flag {
        case 0: return Truth(order == 0)
        case 1: return Truth(order != 0)
        case 2: return Truth(order < 0)
        case 3: return Truth(order <= 0)
        case 4: return Truth(order > 0)
        default: return Truth(order >= 0)
        }
    }

    static func equal(_ left: Cell, _ right: Cell, kind: Program.ComparisonKind) -> Bool {
        switch kind {
        case .numeric:
            if left.tag == .integer, right.tag == .integer { return left.bits == right.bits }
            return left.numberValue == right.numberValue
        case .date, .bits: return left.bits == right.bits
        case .string: return left.internID == right.internID && left.internID != UInt32.max
        }
    }
}
