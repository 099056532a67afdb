extension Rulebook {
    /// For each fact of the vocabulary (same indices), how many rules read it, directly or
    /// through predicates, in their conditions, exemptions, dates or `met_when`. A fact that
    /// many rules read decides more: `oblige init` starts a manifest with those.
    public func ruleCountsPerFact() -> [Int] {
        var predicateFacts: [Int: Set<Int32>] = [:]
        func collect(_ node: Int32, into facts: inout Set<Int32>) {
            guard node >= 0 else { return }
            facts.formUnion(program.info[Int(node)].facts)
            let code = program.nodes[Int(node)]
            if code.op == .predicate {
                let index = Int(code.a)
                if predicateFacts[index] == nil {
                    var inner = Set<Int32>()
                    collect(predicates[index].root, into: &inner)
                    predicateFacts[index] = inner
                }
                facts.formUnion(predicateFacts[index] ?? [])
            }
            for child in program.childNodes(of: node) { collect(child, into: &facts) }
        }
        var counts = [Int](repeating: 0, count: vocabulary.facts.count)
        for rule in rules {
            var facts = Set<Int32>()
            collect(rule.when, into: &facts)
            collect(rule.met, into: &facts)
            for node in rule.exemptionNodes { collect(node, into: &facts) }
            for dates in [rule.appliesFrom, rule.appliesUntil].compactMap({ $0 }) {
                for alternative in dates.alternatives {
                    collect(alternative.condition, into: &facts)
                    facts.formUnion(alternative.facts)
                }
            }
            for fact in facts where fact >= 0 && Int(fact) < counts.count { counts[Int(fact)] += 1 }
        }
        return counts
    }
}
