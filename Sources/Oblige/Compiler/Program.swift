import ObligeSyntax

/// The compiled conditions of a rulebook: flat arrays of plain values indexed by integers, so
/// that evaluation does no string look-ups and allocates nothing per node.
///
/// Every node also keeps its source text, position and the facts it reads (in ``info``), which
/// the evaluator never touches but traces and questions use.
struct Program: Sendable {
    /// One condition node.
    struct Node: Sendable {
        enum Op: UInt8, Sendable {
            /// `flag` is the ``Truth`` raw value.
            case constant
            /// Children `children[a ..< a+b]`.
            case all, any
            /// Child `a`.
            case not
            /// Predicate `a` (its root node is evaluated once per scope and remembered).
            case predicate
            /// Boolean operand `a` used as a condition.
            case truthOf
            /// Operands `a` and `b`; `flag` is the operator, `kind` the comparison kind.
            case compare
            /// Operand `a` in `listCells[b ..< b+c]`; `flag` 1 when negated.
            case member
            /// Set operand `a` against mask `masks[b]`; `flag` is the ``ContainsMode``.
            case contains
            /// Whether operand `a` (a fact) is stated.
            case exists
            /// Whether the manifest states any fact of top-level section `a`.
            case sectionExists
            /// `any(collection a, node b)` / `all(collection a, node b)`.
            case anyItem, allItems
            /// At least `c` of children `children[a ..< a+b]`.
            case atLeast
        }

        var op: Op
        var flag: UInt8 = 0
        var kind: ComparisonKind = .bits
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
    }

    /// How two cells are compared.
    enum ComparisonKind: UInt8, Sendable {
        /// Integers and numbers (compared as integers when both are).
        case numeric
        case date
        /// Booleans and enum values: equal payloads.
        case bits
        /// Interned strings.
        case string
    }

    /// A value inside a condition.
    struct OperandCode: Sendable {
        enum Kind: UInt8, Sendable {
            case literal
            /// A fact of the subject: `slot` into the subject's cells.
            case fact
            /// A fact of the current collection item: `slot` into the item's cells.
            case itemFact
            /// Parameter `slot`, resolved for the evaluation date.
            case parameter
            /// Keyed parameter `slot`, looked up by the enum value of operand `count`.
            case keyedParameter
            case asOf
            /// Operand `slot` moved by `months` and `days`.
            case offset
            /// Smallest / largest of `operandArguments[slot ..< slot+count]`.
            case minimum, maximum
        }

        var kind: Kind
        var slot: Int32 = 0
        var count: Int32 = 0
        var months: Int32 = 0
        var days: Int32 = 0
        var literal: Cell = .absent
        /// For facts: the index of the declaration in the vocabulary (for traces).
        var fact: Int32 = -1
    }

    /// What traces show of a node: its source text and position, and the facts and parameters it reads.
    struct NodeInfo: Sendable {
        var text: String
        var location: SourceLocation
        var facts: [Int32]
        var parameters: [Int32]
    }

    var nodes: [Node] = []
    var info: [NodeInfo] = []
    var children: [Int32] = []
    var operands: [OperandCode] = []
    var operandArguments: [Int32] = []
    var listCells: [Cell] = []
    var masks: [UInt64] = []

    mutating func add(_ node: Node, _ info: NodeInfo) -> Int32 {
        nodes.append(node)
        self.info.append(info)
        return Int32(nodes.count - 1)
    }

    mutating func add(_ operand: OperandCode) -> Int32 {
        operands.append(operand)
        return Int32(operands.count - 1)
    }

    /// The nodes directly below `node`, for traces.
    func childNodes(of node: Int32) -> [Int32] {
        let code = nodes[Int(node)]
        switch code.op {
        case .all, .any, .atLeast: return Array(children[Int(code.a)..<Int(code.a + code.b)])
        case .not: return [code.a]
        case .anyItem, .allItems: return [code.b]
        default: return []
        }
    }
}

/// A named condition, reusable in its pack and (as `pack.name`) in others.
struct CompiledPredicate: Sendable {
    var name: String
    var pack: String
    var root: Int32
    /// The collection whose item facts the predicate reads, if any.
    var collection: Int?
    var location: SourceLocation
}

/// A date that may depend on facts: the first alternative whose condition holds gives it.
struct DateRule: Sendable {
    /// `condition` is -1 for "always"; `facts` are the facts the date is computed from.
    var alternatives: [(condition: Int32, operand: Int32, facts: [Int32])]
    /// The date when it is the same for every subject, for catalogues and timelines.
    var constant: CivilDate?
    var text: String
}

extension Rulebook {
    /// Number of compiled condition nodes, for benchmarks and statistics.
    public var conditionNodeCount: Int { program.nodes.count }
}

/// What the evaluator needs of a rule, packed: node indices and ranges only.
struct RuleCode: Sendable {
    var when: Int32
    /// The `met_when` node, or -1.
    var met: Int32
    /// `exemptionNodes[exemptionStart ..< exemptionStart + exemptionCount]`.
    var exemptionStart: Int32
    var exemptionCount: Int32
    /// Index into the date rules, or -1 for no date.
    var from: Int32
    var until: Int32
    var instrument: Int32
    /// The collection of a `for_each` rule, or -1.
    var collection: Int32
}

/// One alternative of a date rule: the condition node (-1 for always) and the date operand.
struct DateAlternative: Sendable {
    var condition: Int32
    var operand: Int32
}

/// The program's tables in memory that never moves or changes, so the evaluator reads them
/// through raw pointers with no reference counting or bounds checks on its hot path.
///
/// Immutable after initialisation and freed with the rulebook: safe to share between threads.
final class ProgramTables: @unchecked Sendable {
    let nodes: UnsafeMutableBufferPointer<Program.Node>
    let children: UnsafeMutableBufferPointer<Int32>
    let operands: UnsafeMutableBufferPointer<Program.OperandCode>
    let operandArguments: UnsafeMutableBufferPointer<Int32>
    let listCells: UnsafeMutableBufferPointer<Cell>
    let masks: UnsafeMutableBufferPointer<UInt64>
    let rules: UnsafeMutableBufferPointer<RuleCode>
    let exemptionNodes: UnsafeMutableBufferPointer<Int32>
    let dateAlternatives: UnsafeMutableBufferPointer<DateAlternative>
    /// Per date rule: its alternatives' start and count in `dateAlternatives`.
    let dateRules: UnsafeMutableBufferPointer<(start: Int32, count: Int32)>
    /// Per predicate: its root node, and its collection (-1 for the subject).
    let predicateRoots: UnsafeMutableBufferPointer<Int32>
    let predicateCollections: UnsafeMutableBufferPointer<Int32>

    init(program: Program, rules: [RuleCode], exemptionNodes: [Int32], dateAlternatives: [DateAlternative],
         dateRules: [(start: Int32, count: Int32)], predicates: [CompiledPredicate]) {
        nodes = Self.copy(program.nodes)
        children = Self.copy(program.children)
        operands = Self.copy(program.operands)
        operandArguments = Self.copy(program.operandArguments)
        listCells = Self.copy(program.listCells)
        masks = Self.copy(program.masks)
        self.rules = Self.copy(rules)
        self.exemptionNodes = Self.copy(exemptionNodes)
        self.dateAlternatives = Self.copy(dateAlternatives)
        self.dateRules = Self.copy(dateRules)
        predicateRoots = Self.copy(predicates.map(\.root))
        predicateCollections = Self.copy(predicates.map { Int32($0.collection ?? -1) })
    }

    deinit {
        for buffer in [UnsafeMutableRawBufferPointer(nodes), UnsafeMutableRawBufferPointer(children),
                       UnsafeMutableRawBufferPointer(operands), UnsafeMutableRawBufferPointer(operandArguments),
                       UnsafeMutableRawBufferPointer(listCells), UnsafeMutableRawBufferPointer(masks),
                       UnsafeMutableRawBufferPointer(rules), UnsafeMutableRawBufferPointer(exemptionNodes),
                       UnsafeMutableRawBufferPointer(dateAlternatives), UnsafeMutableRawBufferPointer(dateRules),
                       UnsafeMutableRawBufferPointer(predicateRoots),
                       UnsafeMutableRawBufferPointer(predicateCollections)] {
            buffer.deallocate()
        }
    }

    /// A copy of a table of plain values (no references, so no deinitialisation is needed).
    /// Never zero-sized, so every table has a real address; only the array's indices are read.
    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
