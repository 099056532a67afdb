public import ObligeSyntax

/// One test case of a pack: a manifest, a date, and the statuses expected of named rules.
public struct PackTestCase: Sendable {
    /// What one rule (or one item of a `for_each` rule) is expected to be.
    public struct Expectation: Sendable {
        public let ruleID: String
        /// The item label, for `rule-id[label]`.
        public let item: String?
        /// Any of these statuses passes.
        public let statuses: [FindingStatus]
        /// For `not_in_force` findings: what the conditions must give.
        public let conditionStatuses: [FindingStatus]?
        /// The article of the exemption that must have held.
        public let exemption: String?
        public let appliesFrom: CivilDate?
        /// For duties with `met_when`: whether the subject must meet it (`false` expects a gap).
        public let met: Truth?
        public let location: SourceLocation
    }

    public let suite: String
    public let name: String
    /// The golden scenario the case translates, if any.
    public let scenario: String?
    public let asOf: CivilDate
    public let manifest: YAMLNode?
    public let manifestFile: String
    public let expectations: [Expectation]
    /// Expected classification labels: `dsa.tier` or `pack.name[item]` → label (`none` for no label,
    /// `undetermined` when facts are missing).
    public let classifications: [(id: String, item: String?, label: String, location: SourceLocation)]
    public let location: SourceLocation
}

/// The outcome of one test case.
public struct PackTestResult: Sendable {
    public let testCase: PackTestCase
    /// One line per unmet expectation (or manifest error).
    public let failures: [Diagnostic]

    public var passed: Bool { failures.isEmpty }
}

/// Every result, and which rules the tests exercise.
public struct PackTestReport: Sendable {
    public let results: [PackTestResult]
    /// Problems reading the suites themselves.
    public let diagnostics: [Diagnostic]
    /// Rules that no test expects to apply (or, for instruments that are not law, whose conditions
    /// no test expects to hold).
    public let rulesNeverApplying: [String]
    /// Rules that no test expects not to apply (not applicable, exempt, upcoming, …).
    public let rulesNeverNotApplying: [String]
    /// Duties with `met_when` that no test expects to be met.
    public let dutiesNeverMet: [String]
    /// Duties with `met_when` that no test expects to be a gap (not met).
    public let dutiesNeverGap: [String]

    public var failedCount: Int { results.filter { !$0.passed }.count }
    public var passed: Bool { failedCount == 0 && !diagnostics.contains(where: \.isError) }
    /// True when every rule has a test where it applies and one where it does not, and every duty
    /// with `met_when` a test where it is met and one where it is a gap.
    public var coversEveryRule: Bool {
        rulesNeverApplying.isEmpty && rulesNeverNotApplying.isEmpty && dutiesNeverMet.isEmpty && dutiesNeverGap.isEmpty
    }
}

/// Reads `suite:` documents and runs their cases against a rulebook.
public struct PackTestRunner: Sendable {
    public let rulebook: Rulebook

    public init(rulebook: Rulebook) {
        self.rulebook = rulebook
    }

    static let suiteKeys = ["suite", "description", "tests"]
    static let caseKeys = ["name", "scenario", "as_of", "manifest", "expect", "classify", "note"]
    static let expectationKeys = ["status", "conditions", "exemption", "applies_from", "met"]

    /// Runs every case of every suite document.
    public func run(_ documents: [YAMLNode], limits: LoadLimits = .standard) -> PackTestReport {
        let reader = DocumentReader()
        var cases: [PackTestCase] = []
        for document in documents { cases += read(document, reader: reader) }
        let results = cases.map { run($0, limits: limits) }
        var applying = Set<String>()
        var notApplying = Set<String>()
        var met = Set<String>()
        var gap = Set<String>()
        for testCase in cases {
            for expectation in testCase.expectations {
                // For instruments that are not law, what the conditions give is what a case exercises.
                let conditions = expectation.conditionStatuses ?? []
                if expectation.statuses.contains(.applies) || conditions.contains(.applies) {
                    applying.insert(expectation.ruleID)
                }
                if expectation.statuses.contains(where: { $0 != .applies && $0 != .notInForce })
                    || conditions.contains(where: { $0 != .applies }) {
                    notApplying.insert(expectation.ruleID)
                }
                if expectation.met == .yes { met.insert(expectation.ruleID) }
                if expectation.met == .no { gap.insert(expectation.ruleID) }
            }
        }
        let ids = rulebook.rules.map(\.id)
        let assessed = rulebook.rules.filter(\.assessesMet).map(\.id)
        return PackTestReport(
            results: results, diagnostics: reader.diagnostics.sorted,
            rulesNeverApplying: ids.filter { !applying.contains($0) },
            rulesNeverNotApplying: ids.filter { !notApplying.contains($0) },
            dutiesNeverMet: assessed.filter { !met.contains($0) },
            dutiesNeverGap: assessed.filter { !gap.contains($0) })
    }

    // MARK: Reading

    private func read(_ document: YAMLNode, reader: DocumentReader) -> [PackTestCase] {
        guard let pairs = reader.mapping(document, "a test suite") else { return [] }
        reader.checkKeys(pairs, in: "a test suite", at: document.location, allowed: Self.suiteKeys,
                         required: ["suite", "tests"])
        let suite = document["suite"].flatMap { reader.string($0, "'suite'") } ?? ""
        guard let items = document["tests"].flatMap({ reader.sequence($0, "'tests'") }) else { return [] }
        return items.compactMap { readCase($0, suite: suite, reader: reader) }
    }

    private func readCase(_ node: YAMLNode, suite: String, reader: DocumentReader) -> PackTestCase? {
        guard let pairs = reader.mapping(node, "a test case") else { return nil }
        reader.checkKeys(pairs, in: "a test case", at: node.location, allowed: Self.caseKeys,
                         required: ["name", "as_of", "manifest"])
        if node["expect"] == nil, node["classify"] == nil {
            reader.error("schema.missing-key", "a test case needs 'expect', 'classify' or both", at: node.location)
        }
        guard let name = node["name"].flatMap({ reader.string($0, "'name'") }),
              let asOf = node["as_of"].flatMap({ reader.date($0, "'as_of'") }),
              let manifestNode = node["manifest"] else { return nil }
        var entries: [YAMLPair] = []
        if let expectNode = node["expect"] {
            guard let pairs = reader.mapping(expectNode, "'expect'") else { return nil }
            entries = pairs
        }
        var classifications: [(String, String?, String, SourceLocation)] = []
        for entry in node["classify"].flatMap({ reader.mapping($0, "'classify'") }) ?? [] {
            var id = entry.key
            var item: String?
            if id.hasSuffix("]"), let open = id.firstIndex(of: "[") {
                item = String(id[id.index(after: open)..<id.index(before: id.endIndex)])
                id = String(id[..<open])
            }
            guard rulebook.classifications.contains(where: { $0.id == id }) else {
                reader.diagnostics.add(Diagnostic.error(
                    "test.unknown-classification", "no classification has the id '\(id)'", at: entry.keyLocation
                ).suggesting(Suggestions.closest(to: id, among: rulebook.classifications.map(\.id))))
                continue
            }
            if let label = reader.string(entry.value, "a classification value") {
                classifications.append((id, item, label, entry.keyLocation))
            }
        }
        var manifest: YAMLNode? = manifestNode
        var manifestFile = manifestNode.location.file
        if let path = manifestNode.scalar?.text, manifestNode.mapping == nil {
            manifestFile = Self.resolve(path, relativeTo: node.location.file)
            manifest = nil
        }
        var expectations: [PackTestCase.Expectation] = []
        for entry in entries {
            if let expectation = readExpectation(entry, reader: reader) { expectations.append(expectation) }
        }
        return PackTestCase(
            suite: suite, name: name, scenario: node["scenario"].flatMap { reader.string($0, "'scenario'") },
            asOf: asOf, manifest: manifest, manifestFile: manifestFile, expectations: expectations,
            classifications: classifications, location: node.location)
    }

    private func readExpectation(_ entry: YAMLPair, reader: DocumentReader) -> PackTestCase.Expectation? {
        var ruleID = entry.key
        var item: String?
        if ruleID.hasSuffix("]"), let open = ruleID.firstIndex(of: "[") {
            item = String(ruleID[ruleID.index(after: open)..<ruleID.index(before: ruleID.endIndex)])
            ruleID = String(ruleID[..<open])
        }
        guard let index = rulebook.ruleIndex(of: ruleID) else {
            reader.diagnostics.add(Diagnostic.error(
                "test.unknown-rule", "no rule has the id '\(ruleID)'", at: entry.keyLocation
            ).suggesting(rulebook.suggestRule(for: ruleID)))
            return nil
        }
        if item != nil, rulebook.rules[index].collection == nil {
            reader.error("test.not-per-item", "'\(ruleID)' is not evaluated per item, so it takes no [item]",
                         at: entry.keyLocation)
            return nil
        }
        var statusNode = entry.value
        var conditions: [FindingStatus]?
        var exemption: String?
        var appliesFrom: CivilDate?
        var met: Truth?
        if entry.value.mapping != nil {
            reader.checkKeys(entry.value.mapping ?? [], in: "an expectation", at: entry.value.location,
                             allowed: Self.expectationKeys, required: ["status"])
            guard let node = entry.value["status"] else { return nil }
            statusNode = node
            conditions = entry.value["conditions"].flatMap { statuses($0, reader: reader) }
            exemption = entry.value["exemption"].flatMap { reader.string($0, "'exemption'") }
            appliesFrom = entry.value["applies_from"].flatMap { reader.date($0, "'applies_from'") }
            if let node = entry.value["met"] {
                switch node.scalar?.value {
                case .bool(let flag)?: met = Truth(flag)
                case .string("unknown")?: met = .unknown
                default: reader.error("schema.expected-boolean", "'met' must be true, false or unknown", at: node.location)
                }
            }
        }
        guard let statuses = statuses(statusNode, reader: reader) else { return nil }
        return PackTestCase.Expectation(
            ruleID: ruleID, item: item, statuses: statuses, conditionStatuses: conditions, exemption: exemption,
            appliesFrom: appliesFrom, met: met, location: entry.keyLocation)
    }

    private func statuses(_ node: YAMLNode, reader: DocumentReader) -> [FindingStatus]? {
        let items = node.sequence ?? [node]
        let statuses = items.compactMap { reader.choice($0, "finding status", as: FindingStatus.self) }
        return statuses.count == items.count && !statuses.isEmpty ? statuses : nil
    }

    static func resolve(_ path: String, relativeTo file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    // MARK: Running

    private func run(_ testCase: PackTestCase, limits: LoadLimits) -> PackTestResult {
        let facts: Facts
        do throws(DiagnosticError) {
            var root = testCase.manifest
            if root == nil { root = try YAMLLoader(limits: limits).load(file: testCase.manifestFile) }
            facts = try rulebook.facts(from: root, file: testCase.manifestFile)
        } catch {
            return PackTestResult(testCase: testCase, failures: error.diagnostics)
        }
        let evaluation = Evaluator(rulebook: rulebook, asOf: testCase.asOf).evaluate(facts)
        var failures: [Diagnostic] = []
        for expectation in testCase.expectations {
            failures += check(expectation, in: evaluation, testCase: testCase)
        }
        for expected in testCase.classifications {
            var outcomes = evaluation.classifications(withID: expected.id)
            if let item = expected.item { outcomes = outcomes.filter { evaluation.itemLabel(of: $0) == item } }
            if outcomes.isEmpty {
                failures.append(.error("test.failed", "test '\(testCase.name)': \(expected.id) has no outcome\(expected.item.map { " for item '\($0)'" } ?? "")",
                                       at: expected.location))
            }
            for outcome in outcomes {
                let actual = evaluation.label(of: outcome) ?? (outcome.isUndetermined ? "undetermined" : "none")
                if actual != expected.label {
                    let label = evaluation.itemLabel(of: outcome).map { "[\($0)]" } ?? ""
                    failures.append(.error("test.failed",
                                           "test '\(testCase.name)': \(expected.id)\(label) is \(actual), expected \(expected.label)",
                                           at: expected.location))
                }
            }
        }
        return PackTestResult(testCase: testCase, failures: failures)
    }

    private func check(
        _ expectation: PackTestCase.Expectation, in evaluation: Evaluation, testCase: PackTestCase
    ) -> [Diagnostic] {
        func failure(_ message: String) -> Diagnostic {
            .error("test.failed", "test '\(testCase.name)': \(message)", at: expectation.location)
        }
        var outcomes = evaluation.outcomes(ofRule: expectation.ruleID)
        if let item = expectation.item {
            outcomes = outcomes.filter { evaluation.itemLabel(of: $0) == item }
            if outcomes.isEmpty { return [failure("the manifest has no item '\(item)' for \(expectation.ruleID)")] }
        }
        if outcomes.isEmpty {
            return [failure("\(expectation.ruleID) is evaluated per item, and the manifest lists none")]
        }
        var failures: [Diagnostic] = []
        for outcome in outcomes {
            let label = evaluation.itemLabel(of: outcome).map { "[\($0)]" } ?? ""
            let name = expectation.ruleID + label
            let expected = expectation.statuses.map(\.rawValue).joined(separator: " or ")
            if !expectation.statuses.contains(outcome.status) {
                var detail = "\(name) is \(outcome.status.rawValue), expected \(expected)"
                let missing = evaluation.missingFacts(of: outcome).map { evaluation.path(of: $0) }
                if !missing.isEmpty { detail += " (missing: \(missing.joined(separator: ", ")))" }
                failures.append(failure(detail))
                continue
            }
            if let conditions = expectation.conditionStatuses, !conditions.contains(outcome.conditionStatus) {
                failures.append(failure(
                    "\(name)'s conditions give \(outcome.conditionStatus.rawValue), expected \(conditions.map(\.rawValue).joined(separator: " or "))"))
            }
            if let article = expectation.exemption {
                let held = outcome.exemption.flatMap { evaluation.rule(of: outcome).exemptions[$0].article }
                if held != article {
                    failures.append(failure("\(name) should be exempt under \(article), but \(held.map { "the exemption was \($0)" } ?? "no exemption held")"))
                }
            }
            if let met = expectation.met, outcome.met != met {
                let actual = outcome.met.map(\.description) ?? "not assessed"
                failures.append(failure("\(name) is met: \(actual), expected \(met)"))
            }
            if let date = expectation.appliesFrom, outcome.appliesFrom != date {
                failures.append(failure("\(name) applies from \(outcome.appliesFrom?.description ?? "no date"), expected \(date)"))
            }
        }
        return failures
    }
}
