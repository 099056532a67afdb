import Oblige
import ObligeSyntax
import Testing

/// A small vocabulary for engine tests: a subject, and a collection of systems.
let testVocabulary = """
    vocabulary: test
    collections:
      systems:
        description: The systems.
        label: name
    facts:
      org.employees: { type: integer, description: Staff, question: How many staff?, minimum: 0 }
      org.turnover: { type: number, description: Turnover, question: What turnover? }
      org.public: { type: boolean, description: Public body, question: Is it a public body? }
      org.country: { type: string, description: Country code, question: Which country? }
      org.kind:
        type: enum
        values: [company, authority, charity]
        description: Kind
        question: What kind of organisation?
      org.data:
        type: set
        values: [health, biometric, location]
        description: Data categories
        question: Which data categories?
      org.founded: { type: date, description: Founding date, question: When was it founded? }
      org.ads: { type: boolean, description: Ads, question: Ads?, presumed: true, presumption: Most do. }
      systems[].name: { type: string, description: Name, question: What is it called? }
      systems[].risky: { type: boolean, description: Risky, question: Is it risky? }
      systems[].placed: { type: date, description: Placed on the market, question: When was it placed on the market? }
    """

/// A pack header for tests; rules and predicates are appended.
func testPack(_ body: String, name: String = "t", status: String = "in_force", extra: String = "") -> String {
    """
    pack: \(name)
    instrument:
      title: Test Act
      reference: Regulation (EU) 0000/1
      url: https://example.org/act
      status: \(status)
    \(extra)
    \(body)
    """
}

/// Compiles the test vocabulary and the given packs.
func compile(_ packs: [String], vocabulary: String = testVocabulary) -> Compilation {
    var files = [RuleFile(path: "vocabulary.yaml", text: vocabulary)]
    for (index, pack) in packs.enumerated() { files.append(RuleFile(path: "pack\(index).yaml", text: pack)) }
    return Rulebook.compile(files)
}

/// The compiled rulebook, or a test failure listing the diagnostics.
func rulebook(_ packs: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Rulebook {
    let compilation = compile(packs)
    guard let rulebook = compilation.rulebook else {
        Issue.record("compilation failed:\n\(compilation.diagnostics.map(\.description).joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
        throw CompileFailure()
    }
    return rulebook
}

struct CompileFailure: Error {}

/// The printed diagnostics of a compilation (errors and warnings).
func messages(_ packs: [String], vocabulary: String = testVocabulary) -> [String] {
    compile(packs, vocabulary: vocabulary).diagnostics.map(\.description)
}

/// Evaluates a manifest text on a date.
func evaluate(_ rulebook: Rulebook, _ manifest: String, on date: String = "2025-01-01") throws -> Evaluation {
    let root = try YAMLLoader().load(text: manifest, file: "m.yaml")
    let facts = try rulebook.facts(from: root, file: "m.yaml")
    return Evaluator(rulebook: rulebook, asOf: try #require(CivilDate(date))).evaluate(facts)
}

extension Evaluation {
    /// The status of a rule that is not evaluated per item.
    func status(_ id: String) -> FindingStatus? { outcomes(ofRule: id).first?.status }
}

/// A one-rule pack whose `when` is `condition`: single-quoted on line 15, or with `folded`,
/// a `>-` block (`when: >-` on line 15, the condition from line 16).
func conditionPack(_ condition: String, predicates: String = "", folded: Bool = false) -> String {
    let when = folded
        ? ">-\n" + condition.split(separator: "\n").map { "          \($0)" }.joined(separator: "\n")
        : "'\(condition.yamlSingleQuoted)'\n"
    return testPack("""
        \(predicates.isEmpty ? "" : "predicates:\n" + predicates)
        rules:
          - id: t.rule
            title: Rule
            article: Art. 1
            kind: obligation
            addressee: anyone
            when: \(when)
            summary: A rule.
        """)
}

extension String {
    /// The text for a YAML single-quoted scalar (quotes doubled).
    var yamlSingleQuoted: String {
        var result = ""
        for character in self { result += character == "'" ? "''" : String(character) }
        return result
    }
}
