public import ObligeSyntax

/// The validated, typed facts of one subject (a product, an organisation, a State measure),
/// each with the manifest position it came from.
public struct Facts: Sendable {
    /// One item of a collection (one AI system, one processing activity, …). Its facts live in
    /// the flat item arrays from `base` on, so the evaluator reads them without indirection.
    struct Item: Sendable {
        var base: Int
        var location: SourceLocation
        var label: String
    }

    /// The manifest file (as named by the user).
    public let file: String
    /// The subject's name, from the manifest's top-level `name:`.
    public let name: String?
    /// The manifest's top-level `description:`.
    public let description: String?
    /// The `compliance:` section as written, until the rulebook reads it into ``compliance``.
    let complianceNode: YAMLNode?
    /// What the team has done about each rule, from the `compliance:` section (read by the gate).
    public internal(set) var compliance: [ComplianceEntry] = []
    /// Where the manifest starts.
    public let location: SourceLocation

    var cells: [Cell]
    var locations: [SourceLocation?]
    /// Slots that hold a presumed value because the manifest does not state the fact.
    var presumed: [Bool]
    var items: [[Item]]
    var itemCells: [Cell]
    var itemLocations: [SourceLocation?]
    var itemPresumed: [Bool]
    var strings: [String]
    /// Per vocabulary section: whether the manifest states anything in it.
    var sectionsStated: [Bool]

    /// How many items the manifest lists across all collections.
    var totalItemCount: Int { items.reduce(0) { $0 + $1.count } }

    /// How many items the manifest lists in each collection.
    public func itemCount(in collection: Int) -> Int { items[collection].count }

    /// The label of an item (its `label` fact, or `#n`).
    public func label(ofItem item: Int, in collection: Int) -> String { items[collection][item].label }

    /// Where an item starts in the manifest.
    public func location(ofItem item: Int, in collection: Int) -> SourceLocation {
        items[collection][item].location
    }

    /// The cell of a fact: a subject fact, or an item fact when `item` is given.
    func cell(_ fact: FactDeclaration, item: Int?) -> Cell {
        if let collection = fact.collection {
            guard let item else { return .absent }
            return itemCells[items[collection][item].base + fact.slot]
        }
        return cells[fact.slot]
    }

    /// Where a fact was stated, if it was.
    public func location(of fact: FactDeclaration, item: Int? = nil) -> SourceLocation? {
        if let collection = fact.collection {
            guard let item else { return nil }
            return itemLocations[items[collection][item].base + fact.slot]
        }
        return locations[fact.slot]
    }

    /// True when the fact's value is presumed because the manifest does not state it.
    public func isPresumed(_ fact: FactDeclaration, item: Int? = nil) -> Bool {
        if let collection = fact.collection {
            guard let item else { return false }
            return itemPresumed[items[collection][item].base + fact.slot]
        }
        return presumed[fact.slot]
    }

    /// A fact's value for display (stated or presumed), or `nil` when it has none.
    public func value(of fact: FactDeclaration, item: Int? = nil) -> FactValue? {
        decode(cell(fact, item: item), as: fact.type)
    }

    func decode(_ cell: Cell, as type: FactType) -> FactValue? {
        switch cell.tag {
        case .absent: return nil
        case .bool: return .bool(cell.boolValue)
        case .integer: return .integer(cell.integerValue)
        case .number: return .number(cell.numberValue)
        case .string: return .string(strings[cell.tableIndex])
        case .date: return .date(cell.dateValue)
        case .enumCase:
            guard let domain = type.domain else { return nil }
            return .enumCase(domain.values[Int(cell.bits)])
        case .set:
            guard let domain = type.domain else { return nil }
            return .set(domain.values.indices.filter { cell.bits & (1 << UInt64($0)) != 0 }.map { domain.values[$0] })
        }
    }
}
