import ObligeSyntax

/// Checks a manifest against the vocabulary and turns it into typed ``Facts``.
///
/// Every problem is reported with its position: unknown keys (with "did you mean"), wrong
/// types (a quoted `"42"` where a number is expected), unknown enum values, values out of range.
struct ManifestValidator {
    /// Top-level keys that are not facts.
    static let reservedKeys = ["name", "description", "compliance"]

    let vocabulary: Vocabulary
    let stringIDs: [String: UInt32]
    private var diagnostics = DiagnosticBag()
    private var strings: [String] = []
    private var itemCells: [Cell] = []
    private var itemLocations: [SourceLocation?] = []
    private var itemPresumed: [Bool] = []

    init(vocabulary: Vocabulary, stringIDs: [String: UInt32]) {
        self.vocabulary = vocabulary
        self.stringIDs = stringIDs
    }

    mutating func validate(_ root: YAMLNode?, file: String) throws(DiagnosticError) -> Facts {
        guard let root else {
            throw DiagnosticError(.error("manifest.empty", "the manifest is empty", at: .startOf(file)))
        }
        guard let pairs = root.mapping else {
            throw DiagnosticError(.error(
                "manifest.not-a-mapping",
                "a manifest must be a mapping of sections (organisation:, service:, …), not \(root.kindDescription)",
                at: root.location))
        }
        var cells = [Cell](repeating: .absent, count: vocabulary.globalSlotCount)
        var locations = [SourceLocation?](repeating: nil, count: vocabulary.globalSlotCount)
        var items = vocabulary.collections.map { _ in [Facts.Item]() }
        var name: String?
        var description: String?
        var compliance: YAMLNode?
        var facts: [YAMLPair] = []
        for pair in pairs {
            switch pair.key {
            case "name": name = text(pair.value, "name")
            case "description": description = text(pair.value, "description")
            case "compliance": compliance = pair.value
            default: facts.append(pair)
            }
        }
        walk(facts, under: KeyTree.root, prefix: "", into: &cells, &locations, items: &items)
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sorted) }
        // A section counts as described when the manifest states at least one of its facts.
        var sectionsStated = [Bool](repeating: false, count: vocabulary.sections.count)
        for slot in cells.indices where !cells[slot].isAbsent {
            sectionsStated[vocabulary.sectionOfSlot[slot]] = true
        }
        let presumed = presume(&cells, vocabulary.facts.filter { $0.collection == nil })
        return Facts(file: file, name: name, description: description, complianceNode: compliance,
                     location: root.location, cells: cells, locations: locations, presumed: presumed,
                     items: items, itemCells: itemCells, itemLocations: itemLocations, itemPresumed: itemPresumed,
                     strings: strings, sectionsStated: sectionsStated)
    }

    /// Fills unstated facts that have a presumed value, and marks which ones were filled.
    private func presume(_ cells: inout [Cell], _ declarations: [FactDeclaration]) -> [Bool] {
        var presumed = [Bool](repeating: false, count: cells.count)
        for fact in declarations {
            if let presumption = fact.presumed, cells[fact.slot].isAbsent {
                cells[fact.slot] = presumption.cell
                presumed[fact.slot] = true
            }
        }
        return presumed
    }

    private mutating func text(_ node: YAMLNode, _ key: String) -> String? {
        guard let scalar = node.scalar, scalar.value != .null else {
            if !node.isNull {
                diagnostics.add(.error("manifest.wrong-type", "'\(key)' must be text, not \(node.kindDescription)",
                                       at: node.location))
            }
            return nil
        }
        return scalar.text
    }

    private mutating func walk(
        _ pairs: [YAMLPair], under treeNode: Int, prefix: String,
        into cells: inout [Cell], _ locations: inout [SourceLocation?], items: inout [[Facts.Item]]
    ) {
        let tree = vocabulary.keys.nodes
        for pair in pairs {
            // Built only where a message or a nested section needs it.
            var path: String { prefix.isEmpty ? pair.key : prefix + "." + pair.key }
            guard let child = tree[treeNode].children[pair.key] else {
                var candidates = tree[treeNode].order
                if treeNode == KeyTree.root { candidates += Self.reservedKeys }
                let place = prefix.isEmpty ? "at the top level" : "in '\(prefix)'"
                diagnostics.add(Diagnostic.error(
                    "manifest.unknown-key", "unknown key '\(pair.key)' \(place)", at: pair.keyLocation
                ).suggesting(Suggestions.closest(to: pair.key, among: candidates)))
                continue
            }
            let node = tree[child]
            if let factIndex = node.fact {
                let fact = vocabulary.facts[factIndex]
                if let cell = convert(pair.value, to: fact) {
                    cells[fact.slot] = cell
                    locations[fact.slot] = pair.value.location
                }
            } else if let collection = node.collection, let itemNode = node.item {
                readItems(pair.value, path: path, collection: collection, itemNode: itemNode, items: &items)
            } else if pair.value.isNull {
                continue
            } else if let nested = pair.value.mapping {
                walk(nested, under: child, prefix: path, into: &cells, &locations, items: &items)
            } else {
                diagnostics.add(.error(
                    "manifest.wrong-type",
                    "'\(path)' is a section and must be a mapping (keys: \(tree[child].order.joined(separator: ", "))), not \(pair.value.kindDescription)",
                    at: pair.value.location))
            }
        }
    }

    private mutating func readItems(
        _ value: YAMLNode, path: String, collection: Int, itemNode: Int, items: inout [[Facts.Item]]
    ) {
        if value.isNull { return }
        guard let list = value.sequence else {
            diagnostics.add(.error("manifest.wrong-type", "'\(path)' must be a list, not \(value.kindDescription)",
                                   at: value.location))
            return
        }
        let declaration = vocabulary.collections[collection]
        for (position, element) in list.enumerated() {
            guard let pairs = element.mapping else {
                diagnostics.add(.error(
                    "manifest.wrong-type",
                    "each item of '\(path)' must be a mapping, not \(element.kindDescription)", at: element.location))
                continue
            }
            var cells = [Cell](repeating: .absent, count: declaration.slotCount)
            var locations = [SourceLocation?](repeating: nil, count: declaration.slotCount)
            // Collections do not nest, so an item's walk never adds items.
            var noItems = items.map { _ in [Facts.Item]() }
            walk(pairs, under: itemNode, prefix: "\(path)[\(position)]", into: &cells, &locations, items: &noItems)
            var label = "#\(position + 1)"
            if let labelFact = declaration.label.flatMap({ vocabulary.fact("\(declaration.name)[].\($0)") }),
               case let cell = cells[labelFact.slot], !cell.isAbsent {
                switch cell.tag {
                case .string: label = strings[cell.tableIndex]
                case .enumCase: label = labelFact.type.domain?.values[Int(cell.bits)] ?? label
                default: break
                }
            }
            let presumed = presume(&cells, declaration.facts.map { vocabulary.facts[$0] })
            items[collection].append(Facts.Item(base: itemCells.count, location: element.location, label: label))
            itemCells += cells
            itemLocations += locations
            itemPresumed += presumed
        }
    }

    // MARK: Values

    private mutating func convert(_ node: YAMLNode, to fact: FactDeclaration) -> Cell? {
        if node.isNull { return nil }
        let path = fact.path
        func mismatch(_ hint: String = "") -> Cell? {
            var found = node.kindDescription
            if let scalar = node.scalar {
                found += scalar.isQuoted ? " (the quoted \"\(scalar.text)\")" : " ('\(scalar.text)')"
            }
            diagnostics.add(.error(
                "manifest.wrong-type", "'\(path)' must be \(fact.type.withArticle), not \(found)\(hint)",
                at: node.location))
            return nil
        }
        switch fact.type {
        case .boolean:
            guard case .bool(let value)? = node.scalar?.value else {
                if let text = node.scalar?.text.lowercased(), ["yes", "no", "on", "off", "y", "n"].contains(text) {
                    return mismatch("; write true or false (YAML 1.2 reads '\(node.scalar?.text ?? "")' as text)")
                }
                return mismatch()
            }
            return .bool(value)
        case .integer:
            switch node.scalar?.value {
            case .int(let value)?: return checkRange(.integer(value), Double(value), fact, node)
            case .float(let value)? where value.rounded() == value && abs(value) < 9.2e18:
                return checkRange(.integer(Int64(value)), value, fact, node)
            case .string(let text)? where node.scalar?.isQuoted == true && Int64(text) != nil:
                return mismatch("; remove the quotes to make it a number")
            default: return mismatch()
            }
        case .number:
            switch node.scalar?.value {
            case .int(let value)?: return checkRange(.number(Double(value)), Double(value), fact, node)
            case .float(let value)? where !value.isNaN: return checkRange(.number(value), value, fact, node)
            case .string(let text)? where node.scalar?.isQuoted == true && Double(text) != nil:
                return mismatch("; remove the quotes to make it a number")
            default: return mismatch()
            }
        case .string:
            guard let scalar = node.scalar else { return mismatch() }
            return intern(scalar.text)
        case .date:
            guard let scalar = node.scalar, case .string = scalar.value else { return mismatch(" written YYYY-MM-DD") }
            guard let date = CivilDate(scalar.text) else {
                diagnostics.add(.error(
                    "manifest.bad-date", "'\(scalar.text)' is not a valid date for '\(path)' (write YYYY-MM-DD)",
                    at: node.location))
                return nil
            }
            return .date(date)
        case .enumeration(let domain):
            guard let scalar = node.scalar, !isStructured(scalar) else { return mismatch() }
            return enumIndex(scalar.text, domain, fact, at: node.location).map(Cell.enumCase)
        case .set(let domain):
            let elements: [YAMLNode]
            if let list = node.sequence { elements = list } else if node.scalar != nil { elements = [node] } else {
                return mismatch()
            }
            var mask: UInt64 = 0
            for element in elements {
                guard let scalar = element.scalar, !isStructured(scalar) else {
                    diagnostics.add(.error(
                        "manifest.wrong-type",
                        "each item of '\(path)' must be one of its values, not \(element.kindDescription)",
                        at: element.location))
                    continue
                }
                if let index = enumIndex(scalar.text, domain, fact, at: element.location) {
                    mask |= 1 << UInt64(index)
                }
            }
            return .set(mask)
        }
    }

    private func isStructured(_ scalar: YAMLScalar) -> Bool {
        if case .null = scalar.value { return true }
        return false
    }

    private mutating func enumIndex(
        _ text: String, _ domain: EnumDomain, _ fact: FactDeclaration, at location: SourceLocation
    ) -> Int? {
        if let index = domain.index(of: text) { return index }
        let shown = domain.values.count <= 12
            ? domain.values.joined(separator: ", ")
            : domain.values.prefix(12).joined(separator: ", ") + ", … (\(domain.values.count) in all)"
        diagnostics.add(Diagnostic.error(
            "manifest.unknown-value", "'\(text)' is not a valid value for '\(fact.path)' (expected one of: \(shown))",
            at: location
        ).suggesting(Suggestions.closest(to: text, among: domain.values)))
        return nil
    }

    private mutating func checkRange(_ cell: Cell, _ value: Double, _ fact: FactDeclaration, _ node: YAMLNode) -> Cell? {
        if let minimum = fact.minimum, value < minimum {
            diagnostics.add(.error("manifest.out-of-range",
                                   "'\(fact.path)' must be at least \(FactValue.format(minimum)), not \(node.scalar?.text ?? "")",
                                   at: node.location))
            return nil
        }
        if let maximum = fact.maximum, value > maximum {
            diagnostics.add(.error("manifest.out-of-range",
                                   "'\(fact.path)' must be at most \(FactValue.format(maximum)), not \(node.scalar?.text ?? "")",
                                   at: node.location))
            return nil
        }
        return cell
    }

    private mutating func intern(_ text: String) -> Cell {
        strings.append(text)
        return .string(internID: stringIDs[text] ?? UInt32.max, tableIndex: UInt32(strings.count - 1))
    }
}
