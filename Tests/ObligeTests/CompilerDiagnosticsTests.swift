import Oblige
import ObligeSyntax
import Testing

@Suite("Rule compiler diagnostics")
struct CompilerDiagnosticsTests {
    @Test("a rule naming an undeclared fact gets a did-you-mean")
    func undeclaredFact() {
        #expect(messages([conditionPack("org.employes >= 250")]) == [
            "pack0.yaml:15:12: error: 'org.employes' is neither a declared fact nor a predicate; did you mean 'org.employees'? [condition.undefined-name]"
        ])
    }

    @Test("an error inside a condition written over several lines points at its own line")
    func multiLineCondition() {
        #expect(messages([conditionPack("org.public\nand org.employes >= 250", folded: true)]) == [
            "pack0.yaml:17:15: error: 'org.employes' is neither a declared fact nor a predicate; did you mean 'org.employees'? [condition.undefined-name]"
        ])
    }

    @Test("predicates that refer to each other in a cycle are reported with the whole cycle")
    func predicateCycle() {
        let predicates = """
              a: b and org.public
              b: c
              c: a
            """
        #expect(messages([conditionPack("a", predicates: predicates)]) == [
            "pack0.yaml:11:6: error: predicates refer to each other in a cycle: t.a → t.b → t.c → t.a [predicate.cycle]\n"
                + "  pack0.yaml:9:3: note: 't.a' is defined here\n"
                + "  pack0.yaml:10:3: note: 't.b' is defined here\n"
                + "  pack0.yaml:11:3: note: 't.c' is defined here"
        ])
    }

    @Test("a duplicate rule id points at both rules")
    func duplicateRuleID() {
        let pack = testPack("""
            rules:
              - { id: t.one, title: A, article: Art. 1, kind: obligation, addressee: x, when: true, summary: s }
              - { id: t.one, title: B, article: Art. 2, kind: obligation, addressee: x, when: true, summary: s }
            """)
        #expect(messages([pack]) == [
            "pack0.yaml:10:11: error: rule id 't.one' is used twice [rule.duplicate-id]\n  pack0.yaml:9:11: note: first used here"
        ])
    }

    @Test("an unknown key in a rule gets a did-you-mean, a missing one is named")
    func unknownKey() {
        let pack = testPack("""
            rules:
              - id: t.one
                title: A
                article: Art. 1
                kind: obligation
                adressee: x
                when: true
                summary: s
            """)
        #expect(messages([pack]) == [
            "pack0.yaml:9:5: error: rule 't.one' is missing the required key 'addressee' [schema.missing-key]",
            "pack0.yaml:13:5: error: unknown key 'adressee' in rule 't.one'; did you mean 'addressee'? [schema.unknown-key]",
        ])
    }

    @Test("type errors in comparisons", arguments: [
        ("org.employees == company", "pack0.yaml:15:29: error: no predicate 'company' is defined in pack 't' [condition.undefined-name]"),
        ("org.kind == compnay", "pack0.yaml:15:24: error: 'compnay' is not a value of 'org.kind'; did you mean 'company'? [condition.unknown-value]"),
        ("org.kind < company", "pack0.yaml:15:12: error: '<' orders numbers and dates; 'org.kind' is an enum [condition.type]"),
        ("org.employees == \"ten\"", "pack0.yaml:15:12: error: cannot compare 'org.employees' (integer) with '\"ten\"' (string) [condition.type]"),
        ("org.employees", "pack0.yaml:15:12: error: 'org.employees' is an integer, not a condition; compare it with a value (for example org.employees >= 250) [condition.type]"),
        ("org.kind contains company", "pack0.yaml:15:12: error: 'contains' applies to set facts; 'org.kind' is an enum (use 'in [...]') [condition.type]"),
        ("org.founded + 3 months", "pack0.yaml:15:12: error: 'org.founded + 3 months' is a value, not a condition; compare it with something [condition.syntax]"),
        ("systems[].risky", "pack0.yaml:15:12: error: 'systems[].risky' is about each item of 'systems'; use it in a rule with 'for_each: systems' or inside any(systems, …) [condition.scope]"),
        ("org.employees = 3", "pack0.yaml:15:26: error: use '==' to compare, not '=' [condition.syntax]"),
        ("org.public and", "pack0.yaml:15:26: error: expected a fact, a predicate or a value, but found the end of the condition [condition.syntax]"),
        ("param.nothing > 3", "pack0.yaml:15:12: error: no parameter 'nothing' is defined [condition.undefined-name]"),
    ])
    func typeErrors(condition: String, message: String) {
        #expect(messages([conditionPack(condition)]) == [message])
    }

    @Test("a rule's id must start with its pack's name, and its kind must be one of the kinds", arguments: [
        ("{ id: other.one, title: A, article: Art. 1, kind: obligation, addressee: x, when: true, summary: s }",
         "pack0.yaml:9:11: error: rule id 'other.one' must start with its pack's name, 't.' [rule.bad-id]"),
        ("{ id: t.one, title: A, article: Art. 1, kind: obligaton, addressee: x, when: true, summary: s }",
         "pack0.yaml:9:51: error: 'obligaton' is not a valid rule kind (expected one of: obligation, prohibition, transparency, right, liability, state_duty); did you mean 'obligation'? [schema.unknown-value]"),
    ])
    func ruleHeader(rule: String, message: String) {
        #expect(messages([testPack("rules:\n  - \(rule)")]) == [message])
    }

    @Test("unused predicates and parameters are warnings, and the rulebook still compiles")
    func unusedWarnings() throws {
        let pack = testPack("""
            parameters:
              limit: { description: A limit, values: { 2020-01-01: 3 } }
            predicates:
              spare: org.public
            rules:
              - { id: t.one, title: A, article: Art. 1, kind: obligation, addressee: x, when: true, summary: s }
            """)
        let compilation = compile([pack])
        #expect(compilation.rulebook != nil)
        #expect(compilation.diagnostics.map(\.description) == [
            "pack0.yaml:9:3: warning: parameter 't.limit' is never used [lint.unused-parameter]",
            "pack0.yaml:11:3: warning: predicate 't.spare' is never used [lint.unused-predicate]",
        ])
    }

    @Test("diagnostics are collected and sorted, not stopped at the first")
    func collected() {
        let pack = testPack("""
            rules:
              - { id: t.one, title: A, article: Art. 1, kind: obligation, addressee: x, when: org.nope, summary: s }
              - { id: t.two, title: B, article: Art. 2, kind: obligation, addressee: x, when: org.kind == x, summary: s }
            """)
        let found = messages([pack])
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("pack0.yaml:9:"))
        #expect(found[1].hasPrefix("pack0.yaml:10:"))
    }

    @Test("a pack without a vocabulary anywhere is an error")
    func missingVocabulary() {
        let compilation = Rulebook.compile([RuleFile(path: "p.yaml", text: conditionPack("true"))])
        #expect(compilation.diagnostics.map(\.description).contains(
            "error: no vocabulary file found (a file that starts with 'vocabulary:') [vocabulary.missing]"))
    }

    @Test("vocabulary errors: unknown type, bad enum value, duplicate fact")
    func vocabularyErrors() {
        let vocabulary = """
            vocabulary: v
            facts:
              a.b: { type: integr, description: d, question: q }
              a.c: { type: enum, values: [ok, 5bad], description: d, question: q }
            """
        let second = RuleFile(path: "v2.yaml", text: "vocabulary: w\nfacts:\n  a.c: { type: boolean, description: d, question: q }\n")
        let compilation = Rulebook.compile([RuleFile(path: "v.yaml", text: vocabulary), second])
        #expect(compilation.diagnostics.map(\.description) == [
            "v.yaml:3:16: error: 'integr' is not a fact type (expected one of: boolean, integer, number, string, date, enum, set); did you mean 'integer'? [vocabulary.unknown-type]",
            "v.yaml:4:35: error: enum value '5bad' must be a word of letters, digits and '_' that starts with a letter [vocabulary.bad-enum-value]",
            "v2.yaml:3:3: error: fact 'a.c' is declared twice [vocabulary.duplicate]\n  v.yaml:4:3: note: first declared here",
        ])
    }
}
