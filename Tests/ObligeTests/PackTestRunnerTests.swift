import Oblige
import ObligeSyntax
import Testing

@Suite("Pack test runner")
struct PackTestRunnerTests {
    let pack = testPack("""
        rules:
          - { id: t.big, title: Big, article: Art. 1, kind: obligation, addressee: x, when: org.employees >= 250, summary: s }
          - { id: t.sys, title: Sys, article: Art. 2, kind: obligation, addressee: x, when: "systems[].risky", for_each: systems, summary: s }
          - { id: t.duty, title: Duty, article: Art. 3, kind: state_duty, addressee: x, when: org.employees >= 1, met_when: org.employees >= 10, gap: Too few., summary: s }
        """)

    func run(_ suite: String) throws -> PackTestReport {
        let compilation = Rulebook.compile([
            RuleFile(path: "v.yaml", text: testVocabulary),
            RuleFile(path: "p.yaml", text: pack),
            RuleFile(path: "s.yaml", text: suite),
        ])
        let book = try #require(compilation.rulebook)
        return PackTestRunner(rulebook: book).run(compilation.testDocuments)
    }

    @Test("passing and failing expectations, per item, with missing facts named")
    func expectations() throws {
        let report = try run("""
            suite: t
            tests:
              - name: big and one risky system
                as_of: 2025-01-01
                manifest: { org: { employees: 300 }, systems: [{ name: a, risky: true }, { name: b }] }
                expect:
                  t.big: applies
                  t.sys[a]: applies
                  t.sys[b]: applies
              - name: small
                as_of: 2025-01-01
                manifest: { org: { employees: 3 } }
                expect:
                  t.big: [not_applicable, exempt]
            """)
        #expect(report.results.count == 2)
        #expect(report.failedCount == 1)
        #expect(report.results[0].failures.map(\.description) == [
            "s.yaml:9:7: error: test 'big and one risky system': t.sys[b] is undetermined, expected applies (missing: systems[1].risky) [test.failed]"
        ])
        #expect(report.rulesNeverApplying == ["t.duty"])
        #expect(report.rulesNeverNotApplying == ["t.sys", "t.duty"])
        #expect(report.dutiesNeverMet == ["t.duty"])
        #expect(report.dutiesNeverGap == ["t.duty"])
        #expect(!report.coversEveryRule)
    }

    @Test("coverage asks for each duty with met_when to be seen met and seen as a gap")
    func metCoverage() throws {
        let report = try run("""
            suite: t
            tests:
              - name: a gap
                as_of: 2025-01-01
                manifest: { org: { employees: 3 } }
                expect: { t.duty: { status: applies, met: false } }
              - name: met
                as_of: 2025-01-01
                manifest: { org: { employees: 30 } }
                expect: { t.duty: { status: applies, met: true } }
            """)
        #expect(report.passed)
        #expect(report.dutiesNeverMet.isEmpty)
        #expect(report.dutiesNeverGap.isEmpty)
        let wrong = try run("""
            suite: t
            tests:
              - name: claims met
                as_of: 2025-01-01
                manifest: { org: { employees: 3 } }
                expect: { t.duty: { status: applies, met: true } }
            """)
        #expect(wrong.results.first?.failures.map(\.description) == [
            "s.yaml:6:15: error: test 'claims met': t.duty is met: false, expected true [test.failed]"
        ])
    }

    @Test("an unknown rule id in a suite is an error with a did-you-mean")
    func unknownRule() throws {
        let report = try run("""
            suite: t
            tests:
              - { name: n, as_of: 2025-01-01, manifest: { org: {} }, expect: { t.bgi: applies } }
            """)
        #expect(report.diagnostics.map(\.description) == [
            "s.yaml:3:68: error: no rule has the id 't.bgi'; did you mean 't.big'? [test.unknown-rule]"
        ])
        #expect(!report.passed)
    }

    @Test("a manifest error fails its case with the manifest's diagnostic")
    func manifestError() throws {
        let report = try run("""
            suite: t
            tests:
              - name: typo
                as_of: 2025-01-01
                manifest: { org: { employes: 3 } }
                expect: { t.big: not_applicable }
            """)
        #expect(report.results.first?.failures.map(\.description) == [
            "s.yaml:5:24: error: unknown key 'employes' in 'org'; did you mean 'employees'? [manifest.unknown-key]"
        ])
    }
}
