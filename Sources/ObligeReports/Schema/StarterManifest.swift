public import Oblige

/// The commented starter manifest of `oblige init`: every top-level section and collection,
/// each with the facts that the most rules read, each fact preceded by its question. Values are
/// left empty, which a manifest reads as "not yet known" (never as false).
public struct StarterManifest: Sendable {
    public let rulebook: Rulebook
    /// How many facts to offer per section or collection.
    public var factsPerSection: Int

    public init(rulebook: Rulebook, factsPerSection: Int = 8) {
        self.rulebook = rulebook
        self.factsPerSection = factsPerSection
    }

    public func render() -> String {
        let vocabulary = rulebook.vocabulary
        let counts = rulebook.ruleCountsPerFact()
        var lines = [
            "# An Oblige manifest: the facts of one product, organisation or State measure.",
            "# Answer the questions; leave a value empty while you do not know it (empty means unknown,",
            "# never false). Then run `oblige questions THIS-FILE` for what to answer next and",
            "# `oblige check THIS-FILE` for what applies. `oblige schema` lists every fact there is.",
            "name: My product",
            "description: What it is, in one sentence.",
        ]
        for section in vocabulary.sections {
            let facts = vocabulary.facts.indices.filter { index in
                let fact = vocabulary.facts[index]
                return fact.collection == nil && fact.path.hasPrefix(section + ".")
            }
            lines.append("")
            lines += block(key: section, facts: pick(facts, counts: counts), prefix: section + ".", indent: "")
        }
        for collection in vocabulary.collections {
            var facts = pick(collection.facts, counts: counts)
            if let label = collection.label, let labelFact = vocabulary.facts.firstIndex(where: {
                $0.path == "\(collection.name)[].\(label)"
            }) {
                facts.removeAll { $0 == labelFact }
                facts.insert(labelFact, at: 0)
            }
            lines.append("")
            lines.append("# \(collection.description) One item per entry.")
            lines.append("\(collection.name):")
            var item = block(key: nil, facts: facts, prefix: "\(collection.name)[].", indent: "    ")
            if let first = item.firstIndex(where: { !$0.hasPrefix("    #") }) {
                item[first] = "  - " + item[first].dropFirst(4)
            }
            lines += item
        }
        lines += [
            "",
            "# For the CI gate: what you have done about each rule that applies (see `oblige check`).",
            "# compliance:",
            "#   dsa.art16.notice-and-action: { status: implemented, evidence: docs/notice-and-action.md, owner: trust-and-safety }",
            "#   \"ai_act.art26.human-oversight[My AI system]\": planned",
            "#   gdpr.art37.dpo-monitoring: { status: not_applicable, justification: Why it does not apply. }",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The facts most rules read (declaration order breaks ties), shown in declaration order.
    private func pick(_ facts: [Int], counts: [Int]) -> [Int] {
        let chosen = facts.sorted { (counts[$0], -$0) > (counts[$1], -$1) }.prefix(factsPerSection)
        return chosen.sorted()
    }

    /// A mapping of facts under `key` (or an item's facts when `key` is nil), nesting dotted paths.
    private func block(key: String?, facts: [Int], prefix: String, indent: String) -> [String] {
        var lines: [String] = []
        if let key { lines.append("\(key):") }
        let inner = key == nil ? indent : indent + "  "
        var openGroups: [String] = []
        for index in facts {
            let fact = rulebook.vocabulary.facts[index]
            let parts = fact.path.dropFirst(prefix.count).split(separator: ".").map(String.init)
            let groups = Array(parts.dropLast())
            var common = 0
            while common < min(groups.count, openGroups.count), groups[common] == openGroups[common] { common += 1 }
            openGroups = Array(openGroups.prefix(common))
            for group in groups.dropFirst(common) {
                lines.append(inner + String(repeating: "  ", count: openGroups.count) + "\(group):")
                openGroups.append(group)
            }
            let pad = inner + String(repeating: "  ", count: openGroups.count)
            lines.append(pad + "# " + fact.question + hint(fact.type))
            lines.append(pad + "\(parts.last ?? fact.path):")
        }
        return lines
    }

    private func hint(_ type: FactType) -> String {
        switch type {
        case .boolean: " (true or false)"
        case .integer: " (a whole number)"
        case .number: " (a number)"
        case .string: ""
        case .date: " (YYYY-MM-DD)"
        case .enumeration(let domain):
            domain.values.count <= 8 ? " (one of: \(domain.values.joined(separator: ", ")))" : " (see `oblige schema` for the values)"
        case .set(let domain):
            domain.values.count <= 8 ? " (a list of: \(domain.values.joined(separator: ", ")))" : " (a list; see `oblige schema` for the values)"
        }
    }
}
