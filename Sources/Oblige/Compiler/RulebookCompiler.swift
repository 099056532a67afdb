public import ObligeSyntax
import Dispatch

/// One source file of a rule set: a pack, a vocabulary or a test suite.
public struct RuleFile: Sendable, Hashable {
    /// The path shown in diagnostics (`Rules/dsa.yaml`).
    public var path: String
    public var text: String
    /// Files of a higher layer replace documents of the same kind and name from lower layers:
    /// the built-in packs are layer 0, each `--rules` directory the next.
    public var layer: Int

    public init(path: String, text: String, layer: Int = 0) {
        self.path = path
        self.text = text
        self.layer = layer
    }

    /// True when the file's first key is `suite:` (a test suite), judged from its first line
    /// that is neither blank nor a comment, without parsing it.
    public var isTestSuite: Bool {
        var bytes = Substring(text).utf8[...]
        while !bytes.isEmpty {
            let line = bytes.prefix { $0 != UInt8(ascii: "\n") }
            bytes = bytes.dropFirst(line.count + 1)
            let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if content.isEmpty || content.first == UInt8(ascii: "#") { continue }
            return content.starts(with: "suite:".utf8)
        }
        return false
    }
}

/// The result of compiling a rule set: a rulebook when there were no errors, every
/// diagnostic (sorted), and the test-suite documents found among the files.
public struct Compilation: Sendable {
    public let rulebook: Rulebook?
    public let diagnostics: [Diagnostic]
    /// `suite:` documents, for ``PackTestRunner``.
    public let testDocuments: [YAMLNode]

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

extension Rulebook {
    /// Compiles packs, vocabularies and drafts into a rulebook, collecting every diagnostic.
    /// With `includeTests: false`, test suites are not even parsed (what `check` needs).
    public static func compile(_ files: [RuleFile], limits: LoadLimits = .standard, includeTests: Bool = true) -> Compilation {
        RulebookCompiler(limits: limits).compile(includeTests ? files : files.filter { !$0.isTestSuite })
    }
}

/// Turns rule files into a ``Rulebook`` in named passes: load YAML, read documents, apply
/// drafts, compile parameters, bind predicates (detecting cycles), bind rules, lint.
final class RulebookCompiler {
    let reader = DocumentReader()
    let limits: LoadLimits
    var vocabulary = Vocabulary(facts: [], collections: [])
    var program = Program()
    var stringIDs: [String: UInt32] = [:]

    var packs: [PackSource] = []
    var packNames: Set<String> = []
    var parameters: [Parameter] = []
    var parameterIndex: [String: Int] = [:]
    var usedParameters: Set<Int> = []
    /// Parameters whose definition had errors: references to them are not reported again.
    var failedParameters: Set<String> = []

    var predicateSources: [PredicateSource] = []
    var predicatePacks: [String] = []
    var predicateIndex: [String: Int] = [:]
    var predicates: [CompiledPredicate?] = []
    var predicateState: [PredicateState] = []
    var usedPredicates: Set<Int> = []
    var usedDates: Set<String> = []
    /// Named dates already bound, by pack, name and collection scope.
    var boundDates: [String: DateRule] = [:]

    enum PredicateState { case unbound, binding, bound, failed }

    init(limits: LoadLimits) {
        self.limits = limits
    }

    func compile(_ files: [RuleFile]) -> Compilation {
        var vocabularyParser = VocabularyParser(reader: reader)
        var packSources: [PackSource] = []
        var testDocuments: [YAMLNode] = []
        let packParser = PackParser(reader: reader)
        var sawVocabulary = false
        for document in documents(files) {
            switch document.kind {
            case "pack": if let pack = packParser.read(document.root, file: document.file) { packSources.append(pack) }
            case "vocabulary":
                sawVocabulary = true
                vocabularyParser.read(document.root)
            default: testDocuments.append(document.root)
            }
        }
        if !sawVocabulary {
            reader.error("vocabulary.missing", "no vocabulary file found (a file that starts with 'vocabulary:')",
                         at: nil)
        }
        vocabulary = vocabularyParser.build()
        packs = applyDrafts(packSources)
        packNames = Set(packs.map(\.name))
        checkPackNames()
        compileParameters()
        registerPredicates()
        for index in predicateSources.indices { bindPredicate(index, referencedFrom: nil) }
        let instruments = packs.map(instrument)
        let rules = compileRules()
        let classifications = compileClassifications()
        lint()
        let diagnostics = reader.diagnostics.sorted
        guard !reader.diagnostics.hasErrors else {
            return Compilation(rulebook: nil, diagnostics: diagnostics, testDocuments: testDocuments)
        }
        let rulebook = Rulebook(
            vocabulary: vocabulary, instruments: instruments, rules: rules, classifications: classifications,
            parameters: parameters,
            predicates: predicates.compactMap { $0 }, program: program, stringIDs: stringIDs,
            warnings: diagnostics.filter { !$0.isError })
        return Compilation(rulebook: rulebook, diagnostics: diagnostics, testDocuments: testDocuments)
    }

    // MARK: Documents

    private struct Document {
        var kind: String
        var name: String
        var layer: Int
        var file: String
        var root: YAMLNode
    }

    /// Parses the files on all cores (each file is independent); results in file order.
    private static func load(_ files: [RuleFile], limits: LoadLimits) -> [Result<YAMLNode?, DiagnosticError>] {
        let results = ResultSlots<Result<YAMLNode?, DiagnosticError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            results.set(index, Result { () throws(DiagnosticError) -> YAMLNode? in
                try YAMLLoader(limits: limits).load(text: file.text, file: file.path)
            })
        }
        return results.values
    }

    /// Loads every file and keeps one document per kind and name: a higher layer replaces a
    /// lower one (a `--rules` directory can carry a newer copy of a built-in pack); two in the
    /// same layer are an error.
    private func documents(_ files: [RuleFile]) -> [Document] {
        var documents: [Document] = []
        var positions: [String: Int] = [:]
        for (file, loaded) in zip(files, Self.load(files, limits: limits)) {
            let root: YAMLNode
            switch loaded {
            case .success(let node?): root = node
            case .success(nil): continue
            case .failure(let error):
                reader.diagnostics.add(contentsOf: error.diagnostics)
                continue
            }
            guard let first = root.mapping?.first, ["pack", "vocabulary", "suite"].contains(first.key) else {
                reader.error("schema.unknown-document",
                             "this file starts with neither 'pack:', 'vocabulary:' nor 'suite:', so it is not a rule file",
                             at: root.location)
                continue
            }
            let name = first.value.scalar?.text ?? ""
            let document = Document(kind: first.key, name: name, layer: file.layer, file: file.path, root: root)
            let identity = first.key + ":" + name
            guard let existing = positions[identity] else {
                positions[identity] = documents.count
                documents.append(document)
                continue
            }
            if documents[existing].layer < file.layer {
                documents[existing] = document
            } else {
                reader.error("pack.duplicate", "\(first.key) '\(name)' is defined twice", at: first.keyLocation,
                             notes: [.init("first defined here", at: documents[existing].root.location)])
            }
        }
        return documents
    }

    // MARK: Packs and drafts

    /// Folds every draft (`amends:`) into the pack it amends: parameters gain or change dated
    /// values, predicates and rules with the same name are replaced, new ones are added, and
    /// `remove:` drops rules.
    private func applyDrafts(_ sources: [PackSource]) -> [PackSource] {
        var bases = sources.filter { $0.amends == nil }
        var seen: [String: SourceLocation] = [:]
        bases = bases.filter { pack in
            if let first = seen[pack.name] {
                reader.error("pack.duplicate", "pack '\(pack.name)' is defined twice", at: pack.location,
                             notes: [.init("first defined here", at: first)])
                return false
            }
            seen[pack.name] = pack.location
            return true
        }
        for draft in sources {
            guard let (baseName, location) = draft.amends else { continue }
            guard let baseIndex = bases.firstIndex(where: { $0.name == baseName }) else {
                reader.diagnostics.add(Diagnostic.error(
                    "pack.unknown-base", "draft '\(draft.name)' amends '\(baseName)', which is not a loaded pack",
                    at: location
                ).suggesting(Suggestions.closest(to: baseName, among: bases.map(\.name))))
                continue
            }
            var base = bases[baseIndex]
            base.draftNames.append(draft.name)
            for parameter in draft.parameters {
                if let existing = base.parameters.firstIndex(where: { $0.name == parameter.name }) {
                    var merged = base.parameters[existing]
                    for value in parameter.values {
                        merged.values.removeAll { $0.date == value.date }
                        merged.values.append(value)
                    }
                    merged.values.sort { $0.date < $1.date }
                    base.parameters[existing] = merged
                } else {
                    base.parameters.append(parameter)
                }
            }
            for classification in draft.classifications {
                base.classifications.removeAll { $0.name == classification.name }
                base.classifications.append(classification)
            }
            for date in draft.dates {
                base.dates.removeAll { $0.name == date.name }
                base.dates.append(date)
            }
            if let defaultAppliesFrom = draft.defaultAppliesFrom { base.defaultAppliesFrom = defaultAppliesFrom }
            for predicate in draft.predicates {
                base.predicates.removeAll { $0.name == predicate.name }
                base.predicates.append(predicate)
            }
            for removal in draft.removals {
                if !base.rules.contains(where: { $0.id == removal.id }) {
                    reader.diagnostics.add(Diagnostic.error(
                        "pack.unknown-rule", "draft '\(draft.name)' removes '\(removal.id)', which '\(baseName)' does not have",
                        at: removal.location
                    ).suggesting(Suggestions.closest(to: removal.id, among: base.rules.map(\.id))))
                }
                base.rules.removeAll { $0.id == removal.id }
            }
            for rule in draft.rules {
                if let existing = base.rules.firstIndex(where: { $0.id == rule.id }) {
                    base.rules[existing] = rule
                } else {
                    base.rules.append(rule)
                }
            }
            bases[baseIndex] = base
        }
        return bases
    }

    private func checkPackNames() {
        let sections = Set(vocabulary.facts.map { String($0.path.prefix { $0 != "." && $0 != "[" }) })
        for pack in packs where sections.contains(pack.name) || pack.name == "param" {
            reader.error("pack.name-clash",
                         "pack name '\(pack.name)' is also a manifest section or reserved word; rename the pack",
                         at: pack.location)
        }
    }

    private func instrument(_ pack: PackSource) -> Instrument {
        let source = pack.instrument
        return Instrument(
            pack: pack.name, title: source?.title ?? pack.name, shortName: source?.shortName ?? source?.title ?? pack.name,
            reference: source?.reference ?? "", url: source?.url ?? "", status: source?.status ?? .proposed,
            history: source?.history.map { ($0.date, $0.status) } ?? [],
            entryIntoForce: source?.entryIntoForce, appliesFrom: source?.appliesFrom, note: source?.note,
            drafts: pack.draftNames, location: source?.location ?? pack.location)
    }

    // MARK: Parameters

    private func compileParameters() {
        for pack in packs {
            for source in pack.parameters {
                let name = "\(pack.name).\(source.name)"
                if parameterIndex[name] != nil {
                    reader.error("pack.duplicate", "parameter '\(source.name)' is defined twice in '\(pack.name)'",
                                 at: source.location)
                    continue
                }
                guard let parameter = compileParameter(source, name: name) else {
                    failedParameters.insert(name)
                    continue
                }
                parameterIndex[name] = parameters.count
                parameters.append(parameter)
            }
        }
    }

    /// A parameter's dated values, all of one type; with `per`, each date maps the values of an
    /// enum fact (and optionally `default`) to a value.
    private func compileParameter(_ source: ParameterSource, name: String) -> Parameter? {
        var key: (fact: Int, domain: EnumDomain)?
        if let (path, location) = source.per {
            guard let index = vocabulary.factPosition(path), vocabulary.facts[index].collection == nil,
                  case .enumeration(let domain) = vocabulary.facts[index].type else {
                reader.diagnostics.add(Diagnostic.error(
                    "pack.bad-parameter", "a parameter can vary only by an enum fact of the subject; '\(path)' is not one",
                    at: location
                ).suggesting(Suggestions.closest(to: path, among: vocabulary.paths)))
                return nil
            }
            key = (index, domain)
        }
        var type: FactType?
        var tables: [[Cell]] = []
        var values: [(CivilDate, FactValue)] = []
        var keyed: [(CivilDate, [String: FactValue])] = []
        func scalar(_ node: YAMLNode) -> (Cell, FactValue)? {
            guard let (cell, valueType, value) = parameterValue(node) else { return nil }
            switch (type, valueType) {
            case (nil, _): type = valueType
            case (.integer?, .number), (.number?, .integer): type = .number
            case let (current?, new) where current != new:
                reader.error("pack.bad-parameter",
                             "parameter '\(source.name)' mixes \(current.withArticle) and \(new.withArticle) value",
                             at: node.location)
                return nil
            default: break
            }
            return (cell, value)
        }
        for (date, node) in source.values {
            if let pairs = node.mapping {
                guard let (_, domain) = key else {
                    reader.error("pack.bad-parameter",
                                 "values keyed by name need 'per:' naming the enum fact they depend on", at: node.location)
                    return nil
                }
                var table = [Cell](repeating: .absent, count: domain.values.count + 1)
                var shown: [String: FactValue] = [:]
                for pair in pairs {
                    let slot: Int
                    if pair.key == "default" {
                        slot = domain.values.count
                    } else if let index = domain.index(of: pair.key) {
                        slot = index
                    } else {
                        reader.diagnostics.add(Diagnostic.error(
                            "pack.bad-parameter", "'\(pair.key)' is not a value of '\(domain.owner)' (nor 'default')",
                            at: pair.keyLocation
                        ).suggesting(Suggestions.closest(to: pair.key, among: domain.values)))
                        return nil
                    }
                    guard let (cell, value) = scalar(pair.value) else { return nil }
                    table[slot] = cell
                    shown[pair.key] = value
                }
                tables.append(table)
                keyed.append((date, shown))
                values.append((date, shown["default"] ?? .string("by \(domain.owner)")))
            } else {
                guard let (cell, value) = scalar(node) else { return nil }
                if let (_, domain) = key {
                    tables.append([Cell](repeating: .absent, count: domain.values.count) + [cell])
                    keyed.append((date, ["default": value]))
                } else {
                    tables.append([cell])
                }
                values.append((date, value))
            }
        }
        guard let type else { return nil }
        if type == .number {
            tables = tables.map { $0.map { $0.tag == .integer ? .number(Double($0.integerValue)) : $0 } }
        }
        return Parameter(name: name, description: source.description, unit: source.unit, type: type, key: key?.fact,
                         values: values, valuesByKey: keyed, location: source.location, tables: tables)
    }

    /// One scalar parameter value: its cell, type and display value.
    private func parameterValue(_ node: YAMLNode) -> (Cell, FactType, FactValue)? {
        guard let scalar = node.scalar else {
            reader.error("pack.bad-parameter", "parameter values must be single values, not \(node.kindDescription)",
                         at: node.location)
            return nil
        }
        switch scalar.value {
        case .int(let integer): return (.integer(integer), .integer, .integer(integer))
        case .float(let number): return (.number(number), .number, .number(number))
        case .bool(let flag): return (.bool(flag), .boolean, .bool(flag))
        case .string(let text):
            if let date = CivilDate(text) { return (.date(date), .date, .date(date)) }
            return (.string(internID: intern(text), tableIndex: 0), .string, .string(text))
        case .null:
            reader.error("pack.bad-parameter", "a parameter value cannot be null", at: node.location)
            return nil
        }
    }

    func intern(_ text: String) -> UInt32 {
        if let id = stringIDs[text] { return id }
        let id = UInt32(stringIDs.count)
        stringIDs[text] = id
        return id
    }

    // MARK: Predicates

    private func registerPredicates() {
        for pack in packs {
            var local: [String: SourceLocation] = [:]
            for predicate in pack.predicates {
                if let first = local[predicate.name] {
                    reader.error("pack.duplicate", "predicate '\(predicate.name)' is defined twice in '\(pack.name)'",
                                 at: predicate.location, notes: [.init("first defined here", at: first)])
                    continue
                }
                local[predicate.name] = predicate.location
                predicateIndex["\(pack.name).\(predicate.name)"] = predicateSources.count
                predicateSources.append(predicate)
                predicatePacks.append(pack.name)
            }
        }
        predicates = Array(repeating: nil, count: predicateSources.count)
        predicateState = Array(repeating: .unbound, count: predicateSources.count)
    }

    /// Binds predicate `index` (and, first, every predicate it uses). A predicate met again
    /// while it is being bound closes a cycle, which is reported with its whole path.
    @discardableResult
    func bindPredicate(_ index: Int, referencedFrom reference: SourceLocation?) -> CompiledPredicate? {
        switch predicateState[index] {
        case .bound: return predicates[index]
        case .failed: return nil
        case .binding:
            reportCycle(closingAt: index, reference: reference)
            return nil
        case .unbound: break
        }
        predicateState[index] = .binding
        bindingStack.append(index)
        defer { bindingStack.removeLast() }
        let source = predicateSources[index]
        let pack = predicatePacks[index]
        var context = BindContext(pack: pack, collection: nil, mayChooseCollection: true)
        guard let root = bindCondition(source.condition, &context), predicateState[index] == .binding else {
            predicateState[index] = .failed
            return nil
        }
        let compiled = CompiledPredicate(name: "\(pack).\(source.name)", pack: pack, root: root,
                                         collection: context.collection, location: source.location)
        predicates[index] = compiled
        predicateState[index] = .bound
        return compiled
    }

    var bindingStack: [Int] = []

    private func reportCycle(closingAt index: Int, reference: SourceLocation?) {
        guard let start = bindingStack.firstIndex(of: index) else { return }
        let cycle = Array(bindingStack[start...]) + [index]
        let names = cycle.map { "\(predicatePacks[$0]).\(predicateSources[$0].name)" }
        let notes = cycle.dropLast().map {
            Diagnostic.Note("'\(predicatePacks[$0]).\(predicateSources[$0].name)' is defined here",
                            at: predicateSources[$0].location)
        }
        reader.error("predicate.cycle", "predicates refer to each other in a cycle: \(names.joined(separator: " → "))",
                     at: reference ?? predicateSources[index].location, notes: notes)
        for member in cycle { predicateState[member] = .failed }
    }

    // MARK: Rules

    private func compileRules() -> [Rule] {
        var rules: [Rule] = []
        var firstDefinition: [String: SourceLocation] = [:]
        for (packPosition, pack) in packs.enumerated() {
            for source in pack.rules {
                if let first = firstDefinition[source.id] {
                    reader.error("rule.duplicate-id", "rule id '\(source.id)' is used twice", at: source.location,
                                 notes: [.init("first used here", at: first)])
                    continue
                }
                firstDefinition[source.id] = source.location
                if !source.id.hasPrefix(pack.name + ".") {
                    reader.error("rule.bad-id", "rule id '\(source.id)' must start with its pack's name, '\(pack.name).'",
                                 at: source.location)
                }
                if let rule = compileRule(source, pack: pack, instrument: packPosition) { rules.append(rule) }
            }
        }
        return rules
    }

    private func compileRule(_ source: RuleSource, pack: PackSource, instrument: Int) -> Rule? {
        var collection: Int?
        if let (name, location) = source.forEach {
            guard let index = self.collection(named: name, at: location) else { return nil }
            collection = index
        }
        var context = BindContext(pack: pack.name, collection: collection, mayChooseCollection: false)
        let when = bindCondition(source.when, &context)
        let exemptions = source.exemptions.map { bindCondition($0.condition, &context) }
        let appliesFrom = (source.appliesFrom ?? pack.defaultAppliesFrom).map { bindDateSpec($0, in: pack, &context) }
        let appliesUntil = source.appliesUntil.map { bindDateSpec($0, in: pack, &context) }
        let met = source.metWhen.map { bindCondition($0, &context) }
        if source.transparency == nil, source.kind == .transparency {
            reader.warning("lint.transparency-without-block",
                           "rule '\(source.id)' is a transparency requirement but says nothing of audience and content (add 'transparency:')",
                           at: source.location)
        }
        guard let when, !exemptions.contains(where: { $0 == nil }), met.map({ $0 != nil }) ?? true,
              appliesFrom.map({ $0 != nil }) ?? true, appliesUntil.map({ $0 != nil }) ?? true else { return nil }
        let from: DateRule? = appliesFrom.flatMap { $0 } ?? pack.instrument?.appliesFrom.map { date in
            let key = "\(pack.name).#instrument"
            if let bound = boundDates[key] { return bound }
            let operand = program.add(Program.OperandCode(kind: .literal, literal: .date(date)))
            let rule = DateRule(alternatives: [(-1, operand, [])], constant: date, text: date.description)
            boundDates[key] = rule
            return rule
        }
        return Rule(
            id: source.id, title: source.title, article: source.article,
            url: source.url ?? articleURL(source.article, pack.instrument) ?? pack.instrument?.url ?? "",
            kind: source.kind, addressee: source.addressee,
            summary: source.summary, note: source.note, confidence: source.confidence,
            transparency: source.transparency, instrument: instrument, collection: collection,
            exemptions: source.exemptions.map {
                Exemption(article: $0.article, summary: $0.summary, text: $0.condition.text, location: $0.location)
            },
            location: source.location, draft: source.draft, constantAppliesFrom: from?.constant,
            appliesFromText: from?.text, appliesUntilText: appliesUntil.flatMap { $0 }?.text,
            gap: source.gap, guidance: source.guidance,
            when: when, met: met.flatMap { $0 } ?? -1, exemptionNodes: exemptions.compactMap { $0 },
            appliesFrom: from, appliesUntil: appliesUntil.flatMap { $0 })
    }

    /// The article's own address from the instrument's `article_url` template, when the
    /// article is written `Art. N…`.
    private func articleURL(_ article: String, _ instrument: InstrumentSource?) -> String? {
        guard let template = instrument?.articleURL, article.hasPrefix("Art. ") else { return nil }
        let number = article.dropFirst("Art. ".count).prefix { $0.isNumber || $0.isLetter && $0.isLowercase }
        guard let first = number.first, first.isNumber else { return nil }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            result += rest[rest.index(after: open)..<close] == "article" ? String(number) : String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // MARK: Classifications

    private func compileClassifications() -> [Classification] {
        var result: [Classification] = []
        for (packPosition, pack) in packs.enumerated() {
            for source in pack.classifications {
                var collection: Int?
                if let (name, location) = source.forEach {
                    guard let index = self.collection(named: name, at: location) else { continue }
                    collection = index
                }
                var context = BindContext(pack: pack.name, collection: collection, mayChooseCollection: false)
                let nodes = source.values.map { bindCondition($0.condition, &context) }
                guard !nodes.contains(where: { $0 == nil }) else { continue }
                result.append(Classification(
                    id: "\(pack.name).\(source.name)", title: source.title, description: source.description,
                    instrument: packPosition, collection: collection,
                    values: source.values.map {
                        Classification.Value(label: $0.value, description: $0.description, article: $0.article)
                    },
                    location: source.location, nodes: nodes.compactMap { $0 }))
            }
        }
        return result
    }

    /// The vocabulary's collection called `name`, or an error with a suggestion.
    func collection(named name: String, at location: SourceLocation) -> Int? {
        if let index = vocabulary.collection(named: name) { return index }
        reader.diagnostics.add(Diagnostic.error(
            "rule.unknown-collection", "'\(name)' is not a collection of the vocabulary", at: location
        ).suggesting(Suggestions.closest(to: name, among: vocabulary.collections.map(\.name))))
        return nil
    }

    // MARK: Lint

    private func lint() {
        for (index, predicate) in predicates.enumerated() where !usedPredicates.contains(index) {
            guard let predicate else { continue }
            reader.warning("lint.unused-predicate", "predicate '\(predicate.name)' is never used", at: predicate.location)
        }
        for pack in packs {
            for date in pack.dates where !usedDates.contains("\(pack.name).\(date.name)") {
                reader.warning("lint.unused-date", "date '\(pack.name).\(date.name)' is never used", at: date.location)
            }
        }
        for (index, parameter) in parameters.enumerated() where !usedParameters.contains(index) {
            reader.warning("lint.unused-parameter", "parameter '\(parameter.name)' is never used", at: parameter.location)
        }
    }
}

/// Write-once slots that concurrent workers fill, one slot each, through a buffer allocated
/// up front (so no worker touches shared Swift storage).
private final class ResultSlots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }

    /// Each index is written by exactly one worker; read ``values`` only after all have finished.
    func set(_ index: Int, _ value: Value) { buffer[index] = value }

    var values: [Value] { buffer.compactMap { $0 } }
}
