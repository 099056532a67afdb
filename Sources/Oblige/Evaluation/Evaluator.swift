/// Evaluates a rulebook against subjects' facts on one date.
///
/// Create one evaluator per date and reuse it: parameters and instrument statuses are
/// resolved once. Evaluation is three-valued, short-circuits like Kleene logic, evaluates each
/// predicate at most once per scope, and records every node's value for traces. It reads the
/// compiled tables through raw pointers and allocates one buffer per subject.
public struct Evaluator: Sendable {
    public let rulebook: Rulebook
    public let asOf: CivilDate
    let parameterCells: [Cell]
    /// For keyed parameters: the value per enum value (default last) on the evaluation date.
    let keyedTables: [[Cell]]
    let instrumentIsLaw: [Bool]

    public init(rulebook: Rulebook, asOf: CivilDate) {
        self.rulebook = rulebook
        self.asOf = asOf
        parameterCells = rulebook.parameters.map { $0.key == nil ? ($0.table(on: asOf).first ?? .absent) : .absent }
        keyedTables = rulebook.parameters.map { $0.key == nil ? [] : $0.table(on: asOf) }
        instrumentIsLaw = rulebook.instruments.map { $0.status(on: asOf).isLaw }
    }

    /// The outcome of every rule (and every item of `for_each` rules) for one subject.
    public func evaluate(_ facts: Facts) -> Evaluation {
        let layout = ItemLayout(facts)
        let nodeCount = rulebook.program.nodes.count
        let values = NodeValues(count: nodeCount * layout.sectionCount)
        var outcomes: [Outcome] = []
        var labels: [ClassificationOutcome] = []
        facts.cells.withUnsafeBufferPointer { subjectCells in
            facts.itemCells.withUnsafeBufferPointer { itemCells in
                parameterCells.withUnsafeBufferPointer { parameters in
                    var run = EvaluationRun(
                        tables: rulebook.tables, nodeCount: nodeCount, values: values.pointer,
                        subjectCells: subjectCells, itemCells: itemCells, parameters: parameters,
                        keyedTables: keyedTables, sectionsStated: facts.sectionsStated, layout: layout, asOf: asOf)
                    outcomes = run.outcomes(instrumentIsLaw: instrumentIsLaw)
                    labels = run.classifications(rulebook.classifications)
                }
            }
        }
        return Evaluation(rulebook: rulebook, facts: facts, asOf: asOf, outcomes: outcomes, classifications: labels,
                          values: values, sectionStarts: layout.sectionStarts, parameterCells: parameterCells)
    }
}

/// Where each collection's items are: their sections in the value buffer and their cells.
struct ItemLayout {
    /// Section of the first item of each collection (section 0 is the subject).
    let sectionStarts: [Int]
    /// Start of each item's cells in the flat item cells, by collection then item.
    let bases: [[Int]]
    let sectionCount: Int

    init(_ facts: Facts) {
        var starts: [Int] = []
        var next = 1
        for items in facts.items {
            starts.append(next)
            next += items.count
        }
        sectionStarts = starts
        bases = facts.items.map { $0.map(\.base) }
        sectionCount = next
    }
}

/// Where evaluation currently is: the subject, or one item of a collection.
struct Frame: Equatable {
    var section: Int
    var collection: Int
    var item: Int
    /// Start of the item's cells in the flat item cells.
    var base: Int

    static let subject = Frame(section: 0, collection: -1, item: -1, base: 0)
}

/// The node values of one evaluation, one byte per node and section, shared with traces.
final class NodeValues: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
    let count: Int

    init(count: Int) {
        self.count = count
        pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: EvaluationRun.unevaluated, count: max(count, 1))
    }

    deinit { pointer.deallocate() }

    subscript(index: Int) -> UInt8 { pointer[index] }
}

/// The mutable state of one evaluation: raw views of the tables and facts, and the current frame.
struct EvaluationRun {
    static let unevaluated: UInt8 = 255

    let tables: ProgramTables
    let nodes: UnsafeMutableBufferPointer<Program.Node>
    let children: UnsafeMutableBufferPointer<Int32>
    let operands: UnsafeMutableBufferPointer<Program.OperandCode>
    let nodeCount: Int
    let values: UnsafeMutablePointer<UInt8>
    let subjectCells: UnsafeBufferPointer<Cell>
    let itemCells: UnsafeBufferPointer<Cell>
    let parameters: UnsafeBufferPointer<Cell>
    let keyedTables: [[Cell]]
    let sectionsStated: [Bool]
    let layout: ItemLayout
    let asOf: CivilDate
    var frame = Frame.subject
    /// Dates already computed for the subject (dates of per-item rules are computed per item).
    var subjectDates: [DateOutcome?]

    init(tables: ProgramTables, nodeCount: Int, values: UnsafeMutablePointer<UInt8>,
         subjectCells: UnsafeBufferPointer<Cell>, itemCells: UnsafeBufferPointer<Cell>,
         parameters: UnsafeBufferPointer<Cell>, keyedTables: [[Cell]], sectionsStated: [Bool], layout: ItemLayout,
         asOf: CivilDate) {
        self.tables = tables
        self.nodes = tables.nodes
        self.children = tables.children
        self.operands = tables.operands
        self.nodeCount = nodeCount
        self.values = values
        self.subjectCells = subjectCells
        self.itemCells = itemCells
        self.parameters = parameters
        self.keyedTables = keyedTables
        self.sectionsStated = sectionsStated
        self.layout = layout
        self.asOf = asOf
        self.subjectDates = Array(repeating: nil, count: tables.dateRules.count)
    }

    func itemFrame(collection: Int, item: Int) -> Frame {
        Frame(section: layout.sectionStarts[collection] + item, collection: collection, item: item,
              base: layout.bases[collection][item])
    }

    // MARK: Rules

    mutating func outcomes(instrumentIsLaw: [Bool]) -> [Outcome] {
        let rules = tables.rules
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(rules.count)
        for index in 0..<rules.count {
            let rule = rules[index]
            let isLaw = instrumentIsLaw[Int(rule.instrument)]
            if rule.collection >= 0 {
                let collection = Int(rule.collection)
                for item in 0..<layout.bases[collection].count {
                    frame = itemFrame(collection: collection, item: item)
                    outcomes.append(outcome(of: rule, index: index, item: item, isLaw: isLaw))
                }
                frame = .subject
            } else {
                outcomes.append(outcome(of: rule, index: index, item: nil, isLaw: isLaw))
            }
        }
        return outcomes
    }

    mutating func outcome(of rule: RuleCode, index: Int, item: Int?, isLaw: Bool) -> Outcome {
        let when = evaluate(rule.when)
        var exemption: Int?
        var exemptionUnknown = false
        if when != .no {
            for position in 0..<Int(rule.exemptionCount) {
                let value = evaluate(tables.exemptionNodes[Int(rule.exemptionStart) + position])
                if value == .yes {
                    exemption = position
                    break
                }
                if value == .unknown { exemptionUnknown = true }
            }
        }
        let from = date(rule.from)
        let until = date(rule.until)
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
        if !isLaw { status = .notInForce }
        let met: Truth? = rule.met >= 0 && conditionStatus == .applies ? evaluate(rule.met) : nil
        return Outcome(rule: index, item: item, status: status, conditionStatus: conditionStatus,
                       exemption: exemption, appliesFrom: from.date, appliesUntil: until.date,
                       dateIsUnknown: from == .unknown, met: met)
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

    /// The date of a date rule (-1 for none), computed once per subject.
    mutating func date(_ index: Int32) -> DateOutcome {
        guard index >= 0 else { return .none }
        if frame.section == 0, let known = subjectDates[Int(index)] { return known }
        let range = tables.dateRules[Int(index)]
        let result = date(start: range.start, count: range.count)
        if frame.section == 0 { subjectDates[Int(index)] = result }
        return result
    }

    /// The first alternative whose condition holds gives the date; an unknown condition or date fact makes it unknown.
    mutating func date(start: Int32, count: Int32) -> DateOutcome {
        for position in Int(start)..<Int(start + count) {
            let alternative = tables.dateAlternatives[position]
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

    // MARK: Classifications

    mutating func classifications(_ classifications: [Classification]) -> [ClassificationOutcome] {
        var labels: [ClassificationOutcome] = []
        for (index, classification) in classifications.enumerated() {
            if let collection = classification.collection {
                for item in 0..<layout.bases[collection].count {
                    frame = itemFrame(collection: collection, item: item)
                    labels.append(classify(classification, index: index, item: item))
                }
                frame = .subject
            } else {
                labels.append(classify(classification, index: index, item: nil))
            }
        }
        return labels
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

    // MARK: Conditions

    mutating func evaluate(_ index: Int32) -> Truth {
        let slot = frame.section &* nodeCount &+ Int(index)
        let stored = values[slot]
        if stored != Self.unevaluated { return Truth(rawValue: stored) ?? .unknown }
        let result = compute(index)
        values[slot] = result.rawValue
        return result
    }

    private mutating func compute(_ index: Int32) -> Truth {
        let node = nodes[Int(index)]
        switch node.op {
        case .constant:
            return Truth(rawValue: node.flag) ?? .unknown
        case .all:
            var result = Truth.yes
            for position in Int(node.a)..<Int(node.a &+ node.b) {
                let value = evaluate(children[position])
                if value == .no { return .no }
                if value == .unknown { result = .unknown }
            }
            return result
        case .any:
            var result = Truth.no
            for position in Int(node.a)..<Int(node.a &+ node.b) {
                let value = evaluate(children[position])
                if value == .yes { return .yes }
                if value == .unknown { result = .unknown }
            }
            return result
        case .atLeast:
            // Kleene counting: true once enough certainly hold; false once too few can.
            let needed = Int(node.c)
            var holding = 0
            var possible = 0
            var remaining = Int(node.b)
            for position in Int(node.a)..<Int(node.a &+ node.b) {
                let value = evaluate(children[position])
                remaining -= 1
                if value == .yes {
                    holding += 1
                    if holding >= needed { return .yes }
                } else if value == .unknown {
                    possible += 1
                }
                if holding + possible + remaining < needed { return .no }
            }
            return holding + possible >= needed ? .unknown : .no
        case .not:
            return !evaluate(node.a)
        case .predicate:
            let root = tables.predicateRoots[Int(node.a)]
            if tables.predicateCollections[Int(node.a)] < 0, frame.section != 0 {
                let saved = frame
                frame = .subject
                let value = evaluate(root)
                frame = saved
                return value
            }
            return evaluate(root)
        case .truthOf:
            let cell = operand(node.a)
            return cell.tag == .bool ? Truth(cell.boolValue) : .unknown
        case .compare:
            return Self.compare(operand(node.a), operand(node.b), kind: node.kind, operator: node.flag)
        case .member:
            let cell = operand(node.a)
            if cell.isAbsent { return .unknown }
            var found = false
            for position in Int(node.b)..<Int(node.b &+ node.c)
            where Self.equal(cell, tables.listCells[position], kind: node.kind) {
                found = true
                break
            }
            return Truth(found != (node.flag == 1))
        case .contains:
            let cell = operand(node.a)
            if cell.isAbsent { return .unknown }
            let mask = tables.masks[Int(node.b)]
            return Truth(node.flag == ContainsMode.all.rawValue ? cell.bits & mask == mask : cell.bits & mask != 0)
        case .exists:
            return Truth(!operand(node.a).isAbsent)
        case .sectionExists:
            return Truth(sectionsStated[Int(node.a)])
        case .anyItem, .allItems:
            let collection = Int(node.a)
            let isAny = node.op == .anyItem
            var result = isAny ? Truth.no : Truth.yes
            let saved = frame
            defer { frame = saved }
            for item in 0..<layout.bases[collection].count {
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
        let code = operands[Int(index)]
        switch code.kind {
        case .literal: return code.literal
        case .fact: return subjectCells[Int(code.slot)]
        case .itemFact:
            guard frame.collection >= 0 else { return .absent }
            return itemCells[frame.base &+ Int(code.slot)]
        case .parameter: return parameters[Int(code.slot)]
        case .keyedParameter:
            let key = operand(code.count)
            let table = keyedTables[Int(code.slot)]
            guard key.tag == .enumCase, !table.isEmpty else { return .absent }
            let value = Int(key.bits) < table.count - 1 ? table[Int(key.bits)] : .absent
            return value.isAbsent ? table[table.count - 1] : value
        case .asOf: return .date(asOf)
        case .offset:
            let base = operand(code.slot)
            guard base.tag == .date else { return .absent }
            return .date(base.dateValue.adding(months: Int(code.months)).adding(days: Int(code.days)))
        case .minimum, .maximum:
            var best = Cell.absent
            for position in Int(code.slot)..<Int(code.slot &+ code.count) {
                let cell = operand(tables.operandArguments[position])
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

    private static func compare(_ left: Cell, _ right: Cell, kind: Program.ComparisonKind, operator flag: UInt8) -> Truth {
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
            order = equal(left, right, kind: kind) ? 0 : 1
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
