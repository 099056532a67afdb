import ObligeSyntax

/// Reads a condition from YAML: an expression string, `true`/`false`, or a tree of
/// `all:` / `any:` / `not:` whose leaves are expression strings.
struct ConditionReader {
    let reader: DocumentReader

    func condition(_ node: YAMLNode, _ what: String) -> Syntax? {
        if let scalar = node.scalar {
            switch scalar.value {
            case .bool(let value):
                return Syntax(kind: .boolean(value), text: scalar.text, location: node.location)
            case .string:
                switch ExpressionParser.parseCondition(ExpressionSource(scalar, at: node.location)) {
                case .success(let syntax): return syntax
                case .failure(let diagnostic):
                    reader.diagnostics.add(diagnostic)
                    return nil
                }
            default:
                reader.error("condition.syntax", "\(what) must be a condition, not \(node.kindDescription)",
                             at: node.location)
                return nil
            }
        }
        if node.sequence != nil {
            reader.error("condition.syntax", "a list of conditions needs 'all:' or 'any:' in front of it",
                         at: node.location)
            return nil
        }
        guard let pairs = node.mapping, pairs.count == 1, let pair = pairs.first else {
            reader.error("condition.syntax",
                         "\(what) must be an expression or a mapping with exactly one of 'all', 'any' or 'not'",
                         at: node.location)
            return nil
        }
        switch pair.key {
        case "all", "any":
            guard let items = reader.sequence(pair.value, "'\(pair.key)'") else { return nil }
            if items.isEmpty {
                reader.error("condition.syntax", "'\(pair.key)' needs at least one condition", at: pair.value.location)
                return nil
            }
            let parts = items.compactMap { condition($0, "each item of '\(pair.key)'") }
            guard parts.count == items.count else { return nil }
            let connective: Syntax.Connective = pair.key == "all" ? .all : .any
            return Syntax(kind: .connective(connective, parts), text: pair.key, location: pair.keyLocation)
        case "not":
            guard let inner = condition(pair.value, "'not'") else { return nil }
            return Syntax(kind: .not(inner), text: "not", location: pair.keyLocation)
        default:
            reader.diagnostics.add(Diagnostic.error(
                "condition.syntax", "unknown condition key '\(pair.key)' (expected all, any or not)",
                at: pair.keyLocation
            ).suggesting(Suggestions.closest(to: pair.key, among: ["all", "any", "not"])))
            return nil
        }
    }

    /// A date that may depend on facts: a date, an expression (`param.x`, `fact + 4 months`), or a
    /// list of `{when, date}` alternatives tried in order.
    func dateSpec(_ node: YAMLNode, _ what: String) -> DateSpecSource? {
        if let scalar = node.scalar {
            guard let value = dateOperand(scalar, at: node.location) else { return nil }
            return DateSpecSource(alternatives: [(nil, value)], location: node.location)
        }
        guard let items = reader.sequence(node, what) else { return nil }
        var alternatives: [(condition: Syntax?, value: Operand)] = []
        for item in items {
            guard let pairs = reader.mapping(item, "each alternative of \(what)") else { continue }
            reader.checkKeys(pairs, in: "an alternative of \(what)", at: item.location,
                             allowed: ["when", "date"], required: ["date"])
            var condition: Syntax?
            if let whenNode = item["when"] {
                guard let parsed = self.condition(whenNode, "'when'") else { continue }
                condition = parsed
            }
            guard let dateNode = item["date"], let scalar = dateNode.scalar,
                  let value = dateOperand(scalar, at: dateNode.location) else { continue }
            alternatives.append((condition, value))
        }
        guard alternatives.count == items.count, !alternatives.isEmpty else { return nil }
        return DateSpecSource(alternatives: alternatives, location: node.location)
    }

    private func dateOperand(_ scalar: YAMLScalar, at location: SourceLocation) -> Operand? {
        if let date = CivilDate(scalar.text) {
            return Operand(kind: .date(date), text: scalar.text, location: location)
        }
        switch ExpressionParser.parseOperand(ExpressionSource(scalar, at: location)) {
        case .success(let operand): return operand
        case .failure(let diagnostic):
            reader.diagnostics.add(diagnostic)
            return nil
        }
    }
}
