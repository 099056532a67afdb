import Oblige
import ObligeSyntax
import Testing

@Suite("Evaluator statuses, dates and scopes")
struct EvaluatorTests {
    func rule(_ id: String, when: String, _ extra: String = "") -> String {
        """
          - id: \(id)
            title: \(id)
            article: Art. 1
            kind: obligation
            addressee: anyone
            when: '\(when.yamlSingleQuoted)'
            summary: A rule.
        \(extra)
        """
    }

    @Test("applies, not applicable, undetermined with its missing facts")
    func basicStatuses() throws {
        let book = try rulebook([testPack("rules:\n" + rule("t.big", when: "org.employees >= 250 and org.public"))])
        #expect(try evaluate(book, "org: { employees: 300, public: true }").status("t.big") == .applies)
        #expect(try evaluate(book, "org: { employees: 10, public: true }").status("t.big") == .notApplicable)
        let undetermined = try evaluate(book, "org: { employees: 300 }")
        let outcome = try #require(undetermined.outcomes.first)
        #expect(outcome.status == .undetermined)
        #expect(undetermined.missingFacts(of: outcome).map { undetermined.path(of: $0) } == ["org.public"])
    }

    @Test("a fact that a decided branch never needed is not asked for")
    func irrelevantUnknowns() throws {
        let book = try rulebook([testPack("rules:\n" + rule("t.r", when: "(org.public and org.employees > 5) or org.kind == company"))])
        let evaluation = try evaluate(book, "org: { public: false }")
        let outcome = try #require(evaluation.outcomes.first)
        #expect(outcome.status == .undetermined)
        #expect(evaluation.missingFacts(of: outcome).map { evaluation.path(of: $0) } == ["org.kind"])
    }

    @Test("exempt cites the exemption that held")
    func exempt() throws {
        let extra = """
                unless:
                  - when: org.employees < 10
                    article: Art. 2(1)
                    summary: Micro enterprises are exempt.
                  - when: org.kind == charity
                    article: Art. 2(2)
            """
        let book = try rulebook([testPack("rules:\n" + rule("t.r", when: "org.public", extra))])
        let evaluation = try evaluate(book, "org: { public: true, employees: 50, kind: charity }")
        let outcome = try #require(evaluation.outcomes.first)
        #expect(outcome.status == .exempt)
        #expect(outcome.exemption == 1)
        #expect(evaluation.rule(of: outcome).exemptions[1].article == "Art. 2(2)")
        // An exemption that may hold leaves the rule undetermined, asking for the exemption's fact.
        let open = try evaluate(book, "org: { public: true, employees: 50 }")
        let openOutcome = try #require(open.outcomes.first)
        #expect(openOutcome.status == .undetermined)
        #expect(open.missingFacts(of: openOutcome).map { open.path(of: $0) } == ["org.kind"])
        // A rule that does not apply is not exempt.
        #expect(try evaluate(book, "org: { public: false, employees: 5 }").status("t.r") == .notApplicable)
    }

    @Test("upcoming before applies_from, not applicable from applies_until")
    func dates() throws {
        let extra = """
                applies_from: 2026-08-02
                applies_until: 2030-08-02
            """
        let book = try rulebook([testPack("rules:\n" + rule("t.r", when: "org.public", extra))])
        let manifest = "org: { public: true }"
        let before = try evaluate(book, manifest, on: "2026-08-01")
        #expect(before.outcomes.first?.status == .upcoming)
        #expect(before.outcomes.first?.appliesFrom == CivilDate("2026-08-02"))
        #expect(try evaluate(book, manifest, on: "2026-08-02").status("t.r") == .applies)
        #expect(try evaluate(book, manifest, on: "2030-08-01").status("t.r") == .applies)
        #expect(try evaluate(book, manifest, on: "2030-08-02").status("t.r") == .notApplicable)
    }

    @Test("dates that depend on facts, with alternatives")
    func factDates() throws {
        let pack = testPack("""
            dates:
              start:
                value:
                  - when: org.public
                    date: org.founded + 4 months
                  - date: 2024-02-17
            rules:
            \(rule("t.r", when: "true", "    applies_from: start"))
            """)
        let book = try rulebook([pack])
        let early = try evaluate(book, "org: { public: true, founded: 2024-01-31 }", on: "2024-05-30")
        #expect(early.outcomes.first?.status == .upcoming)
        let public_ = try evaluate(book, "org: { public: true, founded: 2024-01-31 }", on: "2024-05-31")
        #expect(public_.outcomes.first?.status == .applies)
        #expect(public_.outcomes.first?.appliesFrom == CivilDate("2024-05-31"))
        let private_ = try evaluate(book, "org: { public: false }", on: "2024-01-01")
        #expect(private_.outcomes.first?.status == .upcoming)
        #expect(private_.outcomes.first?.appliesFrom == CivilDate("2024-02-17"))
        let unknown = try evaluate(book, "org: { public: true }", on: "2024-05-30")
        let outcome = try #require(unknown.outcomes.first)
        #expect(outcome.status == .undetermined)
        #expect(unknown.missingFacts(of: outcome).map { unknown.path(of: $0) } == ["org.founded"])
    }

    @Test("parameters take the value in force on the evaluation date")
    func datedParameters() throws {
        let pack = testPack("""
            parameters:
              threshold:
                description: A threshold that an amendment lowered.
                values: { 2020-01-01: 250, 2026-07-27: 750 }
            rules:
            \(rule("t.r", when: "org.employees < param.threshold"))
            """)
        let book = try rulebook([pack])
        #expect(try evaluate(book, "org: { employees: 500 }", on: "2026-07-26").status("t.r") == .notApplicable)
        #expect(try evaluate(book, "org: { employees: 500 }", on: "2026-07-27").status("t.r") == .applies)
        #expect(try evaluate(book, "org: { employees: 500 }", on: "2019-12-31").status("t.r") == .undetermined)
    }

    @Test("a proposed or withdrawn instrument's findings are not in force, with what they would be")
    func notInForce() throws {
        let withdrawn = testPack("rules:\n" + rule("t.r", when: "org.public"), status: "withdrawn", extra: """
              history:
                2022-09-28: proposed
                2025-10-06: withdrawn
            """)
        let book = try rulebook([withdrawn])
        let evaluation = try evaluate(book, "org: { public: true }", on: "2024-01-01")
        #expect(evaluation.outcomes.first?.status == .notInForce)
        #expect(evaluation.outcomes.first?.conditionStatus == .applies)
        #expect(book.instruments[0].status(on: CivilDate("2024-01-01")!) == .proposed)
        #expect(book.instruments[0].status(on: CivilDate("2025-10-06")!) == .withdrawn)
        #expect(try evaluate(book, "org: { public: false }").outcomes.first?.conditionStatus == .notApplicable)
    }

    @Test("for_each evaluates a rule once per item, each with its own trace")
    func forEach() throws {
        let pack = testPack("""
            predicates:
              risky_system: systems[].risky
            rules:
            \(rule("t.r", when: "risky_system and org.public", "    for_each: systems"))
            """)
        let book = try rulebook([pack])
        let manifest = """
            org: { public: true }
            systems:
              - { name: screener, risky: true }
              - { name: chatbot, risky: false }
              - { name: scorer }
            """
        let evaluation = try evaluate(book, manifest)
        #expect(evaluation.outcomes.map(\.status) == [.applies, .notApplicable, .undetermined])
        #expect(evaluation.outcomes.map { evaluation.itemLabel(of: $0) } == ["screener", "chatbot", "scorer"])
        let last = evaluation.outcomes[2]
        #expect(evaluation.missingFacts(of: last).map { evaluation.path(of: $0) } == ["systems[2].risky"])
        let trace = evaluation.trace(of: evaluation.outcomes[0])
        #expect(trace.when.value == .yes)
        let fact = try #require(trace.when.children.first?.children.first?.facts.first)
        #expect(fact.path == "systems[0].risky")
        #expect(fact.location == SourceLocation(file: "m.yaml", line: 3, column: 30))
        // No items, no findings.
        #expect(try evaluate(book, "org: { public: true }").outcomes.isEmpty)
    }

    @Test("questions: the fact more findings wait for comes first")
    func questionsOrder() throws {
        let pack = testPack("rules:\n"
            + rule("t.a", when: "org.public") + "\n"
            + rule("t.b", when: "org.public and org.kind == company") + "\n"
            + rule("t.c", when: "org.employees > 3"))
        let book = try rulebook([pack])
        let questions = try evaluate(book, "org: {}").questions()
        #expect(questions.map(\.path) == ["org.public", "org.employees", "org.kind"])
        #expect(questions.map(\.decides.count) == [2, 1, 1])
        #expect(questions.first?.question == "Is it a public body?")
    }

    @Test("a trace records every node's value and the manifest line of each fact")
    func trace() throws {
        let book = try rulebook([testPack("rules:\n" + rule("t.r", when: "org.public and org.employees >= 250"))])
        let evaluation = try evaluate(book, "org:\n  public: false\n  employees: 300\n")
        let trace = evaluation.trace(of: try #require(evaluation.outcomes.first))
        #expect(trace.when.text == "org.public and org.employees >= 250")
        #expect(trace.when.value == .no)
        #expect(trace.when.children.map(\.value) == [.no, nil])
        let fact = try #require(trace.when.children[0].facts.first)
        #expect(fact.value == .bool(false))
        #expect(fact.location == SourceLocation(file: "m.yaml", line: 2, column: 11))
    }
}

@Suite("Counting conditions and keyed parameters")
struct CountingAndKeyedTests {
    @Test("at_least counts in three-valued logic", arguments: [
        ("org: { public: true, ads: true }", FindingStatus.applies),
        ("org: { public: true, ads: false, kind: company }", .notApplicable),
        ("org: { public: true, ads: false }", .undetermined),
        ("org: { public: false, ads: false }", .notApplicable),
        ("org: { public: true, kind: charity }", .applies),
    ])
    func atLeast(manifest: String, expected: FindingStatus) throws {
        let book = try rulebook([conditionPack("at_least(2, org.public, org.ads, org.kind == charity)")])
        #expect(try evaluate(book, manifest).status("t.rule") == expected, "\(manifest)")
    }

    @Test("at_least with more than it lists is an error")
    func atLeastTooMany() {
        #expect(messages([conditionPack("at_least(3, org.public, org.ads)")]) == [
            "pack0.yaml:15:12: error: at_least(3, …) lists only 2 conditions [condition.syntax]"
        ])
    }

    @Test("a parameter that varies by an enum fact uses the subject's value, or its default")
    func keyed() throws {
        let pack = testPack("""
            parameters:
              age:
                description: Age by kind.
                per: org.kind
                values:
                  2018-05-25: { default: 16, authority: 13 }
                  2026-01-01: { default: 16, authority: 13, charity: 15 }
            rules:
              - { id: t.r, title: R, article: Art. 8, kind: obligation, addressee: x, when: org.employees < param.age, summary: s }
            """)
        let book = try rulebook([pack])
        #expect(try evaluate(book, "org: { kind: authority, employees: 14 }").status("t.r") == .notApplicable)
        #expect(try evaluate(book, "org: { kind: company, employees: 14 }").status("t.r") == .applies)
        #expect(try evaluate(book, "org: { kind: charity, employees: 15 }", on: "2025-01-01").status("t.r") == .applies)
        #expect(try evaluate(book, "org: { kind: charity, employees: 15 }", on: "2026-01-01").status("t.r") == .notApplicable)
        let unknown = try evaluate(book, "org: { employees: 14 }")
        let outcome = try #require(unknown.outcomes.first)
        #expect(outcome.status == .undetermined)
        #expect(unknown.missingFacts(of: outcome).map { unknown.path(of: $0) } == ["org.kind"])
        let trace = unknown.trace(of: outcome)
        #expect(trace.when.parameters.first?.value == nil)
        let known = try evaluate(book, "org: { kind: authority, employees: 14 }")
        #expect(known.trace(of: try #require(known.outcomes.first)).when.parameters.first?.value == .integer(13))
    }

    @Test("keyed values need an enum fact of the subject and known keys")
    func keyedErrors() {
        let pack = testPack("""
            parameters:
              age:
                description: Age.
                per: org.kind
                values: { 2018-05-25: { default: 16, authorty: 13 } }
            rules:
              - { id: t.r, title: R, article: Art. 8, kind: obligation, addressee: x, when: org.employees < param.age, summary: s }
            """)
        #expect(messages([pack]) == [
            "pack0.yaml:12:42: error: 'authorty' is not a value of 'org.kind' (nor 'default'); did you mean 'authority'? [pack.bad-parameter]"
        ])
    }
}

@Suite("Section existence")
struct SectionExistsTests {
    @Test("a section exists when the manifest states one of its facts; presumptions do not count")
    func sectionExists() throws {
        let book = try rulebook([conditionPack("org exists")])
        #expect(try evaluate(book, "org: { public: true }").status("t.rule") == .applies)
        #expect(try evaluate(book, "org: {}").status("t.rule") == .notApplicable)
        #expect(try evaluate(book, "systems: []").status("t.rule") == .notApplicable)
    }
}
