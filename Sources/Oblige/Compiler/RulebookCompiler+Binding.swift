import ObligeSyntax

/// What a condition may refer to while it is being bound.
struct BindContext {
    /// The pack whose predicates and parameters bare names refer to.
    let pack: String
    /// The collection whose item facts are in scope (`for_each`, or inside `any(...)`).
    var collection: Int?
    /// Predicates take the collection of the first item fact they read.
    var mayChooseCollection: Bool
}

/// A value operand after name resolution and type checking.
struct BoundOperand {
    var index: Int32
    var type: FactType
    var facts: [Int32] = []
    var parameters: [Int32] = []
    var isLiteral = false
    var isFact = false
    var text: String
}

/// Name resolution and type checking: turns ``Syntax`` into ``Program`` nodes.
extension RulebookCompiler {
    private enum Resolved: Equatable {
        case predicate(Int)
        case fact(Int)
        case parameter(Int)
    }

    // MARK: Conditions

    /// Binds every part (reporting each part's errors) and stores the children contiguously.
    private func bindChildren(_ parts: [Syntax], _ context: inout BindContext) -> (start: Int32, count: Int32)? {
        var indices: [Int32] = []
        var failed = false
        for part in parts {
            if let index = bindCondition(part, &context) { indices.append(index) } else { failed = true }
        }
        guard !failed else { return nil }
        let start = Int32(program.children.count)
        program.children.append(contentsOf: indices)
        return (start, Int32(indices.count))
    }

    func bindCondition(_ syntax: Syntax, _ context: inout BindContext) -> Int32? {
        switch syntax.kind {
        case .boolean(let value):
            return emit(Program.Node(op: .constant, flag: Truth(value).rawValue), syntax)
        case .connective(let connective, let parts):
            guard let children = bindChildren(parts, &context) else { return nil }
            return emit(Program.Node(op: connective == .all ? .all : .any, a: children.start, b: children.count), syntax)
        case .atLeast(let count, let parts):
            guard let children = bindChildren(parts, &context) else { return nil }
            return emit(Program.Node(op: .atLeast, a: children.start, b: children.count, c: Int32(count)), syntax)
        case .not(let inner):
            guard let child = bindCondition(inner, &context) else { return nil }
            return emit(Program.Node(op: .not, a: child), syntax)
        case .reference(let name):
            return bindReference(name, syntax, &context)
        case .comparison(let comparison, let leftSyntax, let rightSyntax):
            guard let left = bindOperand(leftSyntax, expected: nil, &context),
                  let right = bindOperand(rightSyntax, expected: left.type, &context),
                  let kind = comparisonKind(left, right, comparison, at: syntax.location) else { return nil }
            let flag = UInt8(ComparisonOperator.allCases.firstIndex(of: comparison) ?? 0)
            return emit(Program.Node(op: .compare, flag: flag, kind: kind, a: left.index, b: right.index), syntax,
                        facts: left.facts + right.facts, parameters: left.parameters + right.parameters)
        case .membership(let leftSyntax, let items, let negated):
            return bindMembership(leftSyntax, items, negated: negated, syntax, &context)
        case .contains(let leftSyntax, let items, let mode):
            return bindContains(leftSyntax, items, mode: mode, syntax, &context)
        case .exists(let operandSyntax):
            if case .name(let name) = operandSyntax.kind, !name.contains("."),
               resolve(name, context) == nil, let section = vocabulary.sectionIndex(name) {
                // `service exists`: the manifest describes that section at all.
                return emit(Program.Node(op: .sectionExists, a: Int32(section)), syntax)
            }
            guard let operand = bindOperand(operandSyntax, expected: nil, &context) else { return nil }
            guard operand.isFact else {
                reader.error("condition.type", "'exists' applies to facts only, not to '\(operand.text)'",
                             at: operandSyntax.location)
                return nil
            }
            return emit(Program.Node(op: .exists, a: operand.index), syntax, facts: operand.facts)
        case .quantifier(let kind, let name, let location, let body):
            guard let collection = collection(named: name, at: location) else { return nil }
            var inner = BindContext(pack: context.pack, collection: collection, mayChooseCollection: false)
            guard let bodyIndex = bindCondition(body, &inner) else { return nil }
            return emit(Program.Node(op: kind == .any ? .anyItem : .allItems, a: Int32(collection), b: bodyIndex),
                        syntax)
        }
    }

    private func bindReference(_ name: String, _ syntax: Syntax, _ context: inout BindContext) -> Int32? {
        switch resolve(name, context) {
        case .predicate(let index)?:
            usedPredicates.insert(index)
            guard let predicate = bindPredicate(index, referencedFrom: syntax.location),
                  checkScope(predicate.collection, name: name, at: syntax.location, &context) else { return nil }
            return emit(Program.Node(op: .predicate, a: Int32(index)), syntax)
        case .fact, .parameter:
            let operand = Operand(kind: .name(name), text: syntax.text, location: syntax.location)
            guard let bound = bindOperand(operand, expected: nil, &context) else { return nil }
            guard bound.type == .boolean else {
                reader.error("condition.type",
                             "'\(name)' is \(bound.type.withArticle), not a condition; compare it with a value (for example \(example(for: name, bound.type)))",
                             at: syntax.location)
                return nil
            }
            return emit(Program.Node(op: .truthOf, a: bound.index), syntax,
                        facts: bound.facts, parameters: bound.parameters)
        case nil:
            reportUnknownName(name, at: syntax.location, context)
            return nil
        }
    }

    private func bindMembership(
        _ leftSyntax: Operand, _ items: [Operand], negated: Bool, _ syntax: Syntax, _ context: inout BindContext
    ) -> Int32? {
        guard let left = bindOperand(leftSyntax, expected: nil, &context) else { return nil }
        if case .set = left.type {
            reader.error("condition.type",
                         "'\(left.text)' is a set; use 'contains any [...]' to test it against a list",
                         at: leftSyntax.location)
            return nil
        }
        var cells: [Cell] = []
        var kind = Program.ComparisonKind.bits
        for item in items {
            guard let bound = bindOperand(item, expected: left.type, &context) else { return nil }
            guard bound.isLiteral else {
                reader.error("condition.type", "lists after 'in' must hold values, not '\(bound.text)'",
                             at: item.location)
                return nil
            }
            guard let itemKind = comparisonKind(left, bound, .equal, at: item.location) else { return nil }
            kind = itemKind
            cells.append(program.operands[Int(bound.index)].literal)
        }
        let start = Int32(program.listCells.count)
        program.listCells.append(contentsOf: cells)
        return emit(Program.Node(op: .member, flag: negated ? 1 : 0, kind: kind, a: left.index, b: start,
                                 c: Int32(cells.count)),
                    syntax, facts: left.facts, parameters: left.parameters)
    }

    private func bindContains(
        _ leftSyntax: Operand, _ items: [Operand], mode: ContainsMode, _ syntax: Syntax, _ context: inout BindContext
    ) -> Int32? {
        guard let left = bindOperand(leftSyntax, expected: nil, &context) else { return nil }
        guard case .set(let domain) = left.type else {
            reader.error("condition.type",
                         "'contains' applies to set facts; '\(left.text)' is \(left.type.withArticle)\(left.type.domain != nil ? " (use 'in [...]')" : "")",
                         at: leftSyntax.location)
            return nil
        }
        var mask: UInt64 = 0
        for item in items {
            guard let bound = bindOperand(item, expected: .enumeration(domain), &context) else { return nil }
            let cell = program.operands[Int(bound.index)].literal
            guard bound.isLiteral, cell.tag == .enumCase else {
                reader.error("condition.type", "'\(bound.text)' is not one of the values of '\(left.text)'",
                             at: item.location)
                return nil
            }
            mask |= 1 << cell.bits
        }
        program.masks.append(mask)
        return emit(Program.Node(op: .contains, flag: mode.rawValue, a: left.index, b: Int32(program.masks.count - 1)),
                    syntax, facts: left.facts)
    }

    // MARK: Operands

    func bindOperand(_ operand: Operand, expected: FactType?, _ context: inout BindContext) -> BoundOperand? {
        func literal(_ cell: Cell, _ type: FactType) -> BoundOperand {
            let index = program.add(Program.OperandCode(kind: .literal, literal: cell))
            return BoundOperand(index: index, type: type, isLiteral: true, text: operand.text)
        }
        switch operand.kind {
        case .name(let name):
            if let domain = expected?.domain, !name.contains("."), let position = domain.index(of: name) {
                return literal(.enumCase(position), .enumeration(domain))
            }
            switch resolve(name, context) {
            case .fact(let index)?:
                let declaration = vocabulary.facts[index]
                guard checkScope(declaration.collection, name: name, at: operand.location, &context) else { return nil }
                let code = Program.OperandCode(kind: declaration.collection == nil ? .fact : .itemFact,
                                               slot: Int32(declaration.slot), fact: Int32(index))
                return BoundOperand(index: program.add(code), type: declaration.type, facts: [Int32(index)],
                                    isFact: true, text: operand.text)
            case .parameter(let index)?:
                usedParameters.insert(index)
                guard let keyFact = parameters[index].key else {
                    let code = Program.OperandCode(kind: .parameter, slot: Int32(index))
                    return BoundOperand(index: program.add(code), type: parameters[index].type,
                                        parameters: [Int32(index)], text: operand.text)
                }
                // A parameter that varies by a fact reads that fact too.
                let declaration = vocabulary.facts[keyFact]
                let keyOperand = program.add(Program.OperandCode(kind: .fact, slot: Int32(declaration.slot),
                                                                 fact: Int32(keyFact)))
                let code = Program.OperandCode(kind: .keyedParameter, slot: Int32(index), count: keyOperand)
                return BoundOperand(index: program.add(code), type: parameters[index].type, facts: [Int32(keyFact)],
                                    parameters: [Int32(index)], text: operand.text)
            case .predicate?:
                reader.error("condition.type",
                             "'\(name)' is a predicate (a condition), not a value; use it on its own or with and/or/not",
                             at: operand.location)
                return nil
            case nil:
                if let domain = expected?.domain, !name.contains(".") {
                    reader.diagnostics.add(Diagnostic.error(
                        "condition.unknown-value", "'\(name)' is not a value of '\(domain.owner)'", at: operand.location
                    ).suggesting(Suggestions.closest(to: name, among: domain.values)))
                } else {
                    reportUnknownName(name, at: operand.location, context)
                }
                return nil
            }
        case .integer(let value):
            if expected == .number { return literal(.number(Double(value)), .number) }
            return literal(.integer(value), .integer)
        case .number(let value):
            return literal(.number(value), .number)
        case .string(let text):
            return literal(.string(internID: intern(text), tableIndex: 0), .string)
        case .date(let date):
            return literal(.date(date), .date)
        case .boolean(let value):
            return literal(.bool(value), .boolean)
        case .asOf:
            return BoundOperand(index: program.add(Program.OperandCode(kind: .asOf)), type: .date, text: operand.text)
        case .offset(let baseSyntax, let months, let days):
            guard let base = bindOperand(baseSyntax, expected: .date, &context) else { return nil }
            guard base.type == .date else {
                reader.error("condition.type", "only dates can be moved by a duration; '\(base.text)' is \(base.type.withArticle)",
                             at: baseSyntax.location)
                return nil
            }
            let code = Program.OperandCode(kind: .offset, slot: base.index, months: Int32(months), days: Int32(days))
            var bound = base
            bound.index = program.add(code)
            bound.isLiteral = false
            bound.isFact = false
            bound.text = operand.text
            return bound
        case .extremum(let isMinimum, let arguments):
            var bound: [BoundOperand] = []
            for argument in arguments {
                guard let value = bindOperand(argument, expected: expected, &context) else { return nil }
                bound.append(value)
            }
            let isDate = bound.allSatisfy { $0.type == .date }
            let isNumeric = bound.allSatisfy { $0.type.isNumeric }
            guard isDate || isNumeric else {
                reader.error("condition.type", "min and max take dates or numbers, all of one kind",
                             at: operand.location)
                return nil
            }
            let start = Int32(program.operandArguments.count)
            program.operandArguments.append(contentsOf: bound.map(\.index))
            let code = Program.OperandCode(kind: isMinimum ? .minimum : .maximum, slot: start,
                                           count: Int32(bound.count))
            let type: FactType = isDate ? .date : (bound.allSatisfy { $0.type == .integer } ? .integer : .number)
            return BoundOperand(index: program.add(code), type: type, facts: bound.flatMap(\.facts),
                                parameters: bound.flatMap(\.parameters), text: operand.text)
        }
    }

    /// The comparison kind for two operands, or an error when they cannot be compared.
    private func comparisonKind(
        _ left: BoundOperand, _ right: BoundOperand, _ comparison: ComparisonOperator, at location: SourceLocation
    ) -> Program.ComparisonKind? {
        let kind: Program.ComparisonKind?
        switch (left.type, right.type) {
        case (let a, let b) where a.isNumeric && b.isNumeric: kind = .numeric
        case (.date, .date): kind = .date
        case (.boolean, .boolean): kind = .bits
        case (.enumeration(let a), .enumeration(let b)) where a == b: kind = .bits
        case (.string, .string):
            if !left.isLiteral && !right.isLiteral {
                reader.error("condition.type",
                             "two text facts cannot be compared with each other; compare each with a quoted value",
                             at: location)
                return nil
            }
            kind = .string
        default: kind = nil
        }
        guard let kind else {
            reader.error("condition.type",
                         "cannot compare '\(left.text)' (\(left.type)) with '\(right.text)' (\(right.type))",
                         at: location)
            return nil
        }
        if comparison.isOrdering, kind == .bits || kind == .string {
            reader.error("condition.type", "'\(comparison.rawValue)' orders numbers and dates; '\(left.text)' is \(left.type.withArticle)",
                         at: location)
            return nil
        }
        return kind
    }

    // MARK: Dates

    /// Binds a date spec; a spec that is just the name of one of the pack's `dates:` stands for that date.
    func bindDateSpec(_ spec: DateSpecSource, in pack: PackSource, _ context: inout BindContext) -> DateRule? {
        if spec.alternatives.count == 1, spec.alternatives[0].condition == nil,
           case .name(let name) = spec.alternatives[0].value.kind, !name.contains(".") {
            guard let named = pack.dates.first(where: { $0.name == name }) else {
                reader.diagnostics.add(Diagnostic.error(
                    "condition.undefined-name", "no date '\(name)' is defined under 'dates' in pack '\(pack.name)'",
                    at: spec.location
                ).suggesting(Suggestions.closest(to: name, among: pack.dates.map(\.name))))
                return nil
            }
            usedDates.insert("\(pack.name).\(name)")
            // Bound once per pack and scope, so every rule that uses it shares its nodes (and the
            // evaluator computes it once per subject).
            let key = "\(pack.name).\(name)@\(context.collection ?? -1)"
            if let bound = boundDates[key] { return bound }
            guard var rule = bindDateSpec(named.value, context: &context) else { return nil }
            rule.text = name + " (" + rule.text + ")"
            boundDates[key] = rule
            return rule
        }
        return bindDateSpec(spec, context: &context)
    }

    private func bindDateSpec(_ spec: DateSpecSource, context: inout BindContext) -> DateRule? {
        var alternatives: [(condition: Int32, operand: Int32, facts: [Int32])] = []
        var texts: [String] = []
        for alternative in spec.alternatives {
            var condition: Int32 = -1
            if let syntax = alternative.condition {
                guard let index = bindCondition(syntax, &context) else { return nil }
                condition = index
            }
            guard let operand = bindOperand(alternative.value, expected: .date, &context) else { return nil }
            guard operand.type == .date else {
                reader.error("condition.type", "'\(operand.text)' is \(operand.type.withArticle), not a date",
                             at: alternative.value.location)
                return nil
            }
            alternatives.append((condition, operand.index, operand.facts))
            texts.append(alternative.condition.map { "\(operand.text) when \($0.text)" } ?? operand.text)
        }
        var constant: CivilDate?
        if alternatives.count == 1, alternatives[0].condition == -1 {
            let code = program.operands[Int(alternatives[0].operand)]
            if code.kind == .literal { constant = code.literal.dateValue }
        }
        return DateRule(alternatives: alternatives, constant: constant, text: texts.joined(separator: "; otherwise "))
    }

    // MARK: Names

    private func resolve(_ name: String, _ context: BindContext) -> Resolved? {
        if name.hasPrefix("param.") {
            let rest = name.dropFirst("param.".count)
            if let index = parameterIndex["\(context.pack).\(rest)"] ?? parameterIndex[String(rest)] {
                return .parameter(index)
            }
            return nil
        }
        if !name.contains(".") {
            return predicateIndex["\(context.pack).\(name)"].map(Resolved.predicate)
        }
        if let index = predicateIndex[name] { return .predicate(index) }
        if let index = vocabulary.factPosition(name) { return .fact(index) }
        return nil
    }

    private func reportUnknownName(_ name: String, at location: SourceLocation, _ context: BindContext) {
        if name.hasPrefix("param."), failedParameters.contains("\(context.pack).\(name.dropFirst("param.".count))")
            || failedParameters.contains(String(name.dropFirst("param.".count))) {
            return
        }
        var candidates: [String] = []
        let localPrefix = context.pack + "."
        for (qualified, _) in predicateIndex {
            candidates.append(qualified)
            if qualified.hasPrefix(localPrefix) { candidates.append(String(qualified.dropFirst(localPrefix.count))) }
        }
        candidates += vocabulary.paths
        for parameter in parameters {
            candidates.append("param." + parameter.name)
            if parameter.name.hasPrefix(localPrefix) {
                candidates.append("param." + parameter.name.dropFirst(localPrefix.count))
            }
        }
        let what: String
        if name.hasPrefix("param.") {
            what = "no parameter '\(name.dropFirst("param.".count))' is defined"
        } else if name.contains(".") {
            what = "'\(name)' is neither a declared fact nor a predicate"
        } else {
            what = "no predicate '\(name)' is defined in pack '\(context.pack)'"
        }
        reader.diagnostics.add(Diagnostic.error("condition.undefined-name", what, at: location)
            .suggesting(Suggestions.closest(to: name, among: candidates.sorted())))
    }

    /// Checks that an item fact (or a predicate over items) of `collection` may be used here.
    private func checkScope(
        _ collection: Int?, name: String, at location: SourceLocation, _ context: inout BindContext
    ) -> Bool {
        guard let collection, context.collection != collection else { return true }
        if context.collection == nil, context.mayChooseCollection {
            context.collection = collection
            return true
        }
        let items = vocabulary.collections[collection].name
        if let current = context.collection {
            reader.error("condition.scope",
                         "'\(name)' is about items of '\(items)', but this condition is about items of '\(vocabulary.collections[current].name)'",
                         at: location)
        } else {
            reader.error("condition.scope",
                         "'\(name)' is about each item of '\(items)'; use it in a rule with 'for_each: \(items)' or inside any(\(items), …)",
                         at: location)
        }
        return false
    }

    private func example(for name: String, _ type: FactType) -> String {
        switch type {
        case .integer, .number: "\(name) >= 250"
        case .date: "\(name) < 2024-02-17"
        case .enumeration(let domain): "\(name) == \(domain.values.first ?? "value")"
        case .set(let domain): "\(name) contains \(domain.values.first ?? "value")"
        default: "\(name) == \"text\""
        }
    }

    private func emit(
        _ node: Program.Node, _ syntax: Syntax, facts: [Int32] = [], parameters: [Int32] = []
    ) -> Int32 {
        program.add(node, Program.NodeInfo(text: syntax.text, location: syntax.location, facts: facts,
                                           parameters: parameters))
    }
}
