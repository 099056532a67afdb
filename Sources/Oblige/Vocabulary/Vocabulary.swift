public import ObligeSyntax

/// One fact a manifest can state: its path, type, and the plain question that asks for it.
///
/// A class, so that passing a declaration around costs one reference count rather than a copy
/// of its strings (validation and traces hand declarations around for every fact).
public final class FactDeclaration: Sendable {
    /// Dotted path, with `[]` after a collection: `organisation.employees`, `ai_systems[].purpose`.
    public let path: String
    public let type: FactType
    public let description: String
    /// The question a product team answers to supply the fact.
    public let question: String
    public let unit: String?
    public let minimum: Double?
    public let maximum: Double?
    /// The value assumed when a manifest does not state the fact, and why.
    public let presumed: Presumption?
    /// The collection whose items carry this fact, or `nil` for a fact of the subject itself.
    public let collection: Int?
    /// Position of the fact's value in its scope's storage.
    let slot: Int
    public let location: SourceLocation
    /// Declaration order across the vocabulary: earlier facts are the more basic ones.
    public let order: Int

    init(path: String, type: FactType, description: String, question: String, unit: String?,
         minimum: Double?, maximum: Double?, presumed: Presumption?, collection: Int?, slot: Int,
         location: SourceLocation, order: Int) {
        self.path = path
        self.type = type
        self.description = description
        self.question = question
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.presumed = presumed
        self.collection = collection
        self.slot = slot
        self.location = location
        self.order = order
    }
}

/// A value the law (or practice) lets a rule assume until the manifest says otherwise. Reports
/// list every presumption they relied on, so nothing is assumed silently.
public struct Presumption: Sendable {
    public let value: FactValue
    /// Why the value may be assumed, in the pack authors' words.
    public let reason: String
    let cell: Cell
}

/// A list in a manifest whose items are described by the same facts (`ai_systems`, …).
/// Rules with `for_each` are evaluated once per item.
public struct CollectionDeclaration: Sendable {
    public let name: String
    public let description: String
    /// The item fact used to name items in reports (for example `name`).
    public let label: String?
    public let location: SourceLocation
    /// Indices (into ``Vocabulary/facts``) of the facts of each item.
    public internal(set) var facts: [Int] = []
    var slotCount: Int { facts.count }
}

/// Every fact that manifests may state and rules may test, with a key tree for validation.
public struct Vocabulary: Sendable {
    public let facts: [FactDeclaration]
    public let collections: [CollectionDeclaration]
    private let factIndex: [String: Int]
    private let collectionIndex: [String: Int]
    let keys: KeyTree
    /// Number of facts of the subject itself (not inside a collection).
    let globalSlotCount: Int

    init(facts: [FactDeclaration], collections: [CollectionDeclaration]) {
        self.facts = facts
        self.collections = collections
        var factIndex: [String: Int] = [:]
        for (index, fact) in facts.enumerated() { factIndex[fact.path] = index }
        self.factIndex = factIndex
        var collectionIndex: [String: Int] = [:]
        for (index, collection) in collections.enumerated() { collectionIndex[collection.name] = index }
        self.collectionIndex = collectionIndex
        self.keys = KeyTree(facts: facts, collections: collections)
        self.globalSlotCount = facts.lazy.filter { $0.collection == nil }.count
        var sections: [String] = []
        var sectionOfSlot = [Int](repeating: 0, count: facts.count)
        for fact in facts where fact.collection == nil {
            let section = String(fact.path.prefix { $0 != "." })
            if !sections.contains(section) { sections.append(section) }
            sectionOfSlot[fact.slot] = sections.firstIndex(of: section) ?? 0
        }
        self.sections = sections
        self.sectionOfSlot = sectionOfSlot
    }

    /// The top-level sections of a manifest that hold subject facts (`organisation`, `service`, …).
    public let sections: [String]
    /// For each subject fact's slot: the index of its section in ``sections``.
    let sectionOfSlot: [Int]

    /// The position of a top-level section.
    public func sectionIndex(_ name: String) -> Int? { sections.firstIndex(of: name) }

    /// The declaration of the fact at `path`.
    public func fact(_ path: String) -> FactDeclaration? {
        factIndex[path].map { facts[$0] }
    }

    func factPosition(_ path: String) -> Int? { factIndex[path] }

    /// The collection named `name`.
    public func collection(named name: String) -> Int? { collectionIndex[name] }

    /// Every path a rule may name, for "did you mean".
    public var paths: [String] { facts.map(\.path) }
}

/// The tree of manifest keys implied by the fact paths, used to validate manifests key by key.
struct KeyTree: Sendable {
    struct Node: Sendable {
        var children: [String: Int] = [:]
        /// Child names in declaration order, for messages.
        var order: [String] = []
        var fact: Int?
        var collection: Int?
        /// For a collection node: the node that describes one item.
        var item: Int?
    }

    private(set) var nodes: [Node] = [Node()]
    static let root = 0

    init(facts: [FactDeclaration], collections: [CollectionDeclaration]) {
        for (index, fact) in facts.enumerated() {
            var current = KeyTree.root
            let segments = fact.path.split(separator: ".")
            for (position, rawSegment) in segments.enumerated() {
                let isCollection = rawSegment.hasSuffix("[]")
                let segment = String(isCollection ? rawSegment.dropLast(2) : rawSegment)
                current = child(of: current, named: segment)
                if isCollection {
                    nodes[current].collection = fact.collection
                    if nodes[current].item == nil {
                        nodes.append(Node())
                        nodes[current].item = nodes.count - 1
                    }
                    current = nodes[current].item ?? current
                }
                if position == segments.count - 1 { nodes[current].fact = index }
            }
        }
    }

    private mutating func child(of parent: Int, named name: String) -> Int {
        if let existing = nodes[parent].children[name] { return existing }
        nodes.append(Node())
        let index = nodes.count - 1
        nodes[parent].children[name] = index
        nodes[parent].order.append(name)
        return index
    }
}
