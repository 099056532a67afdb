import Oblige
import ObligeSyntax
import Testing

@Suite("Gate policy and compliance entries")
struct GateTests {
    let pack = testPack("""
        rules:
          - { id: t.big, title: Big, article: Art. 1, kind: obligation, addressee: x, when: org.employees >= 250, summary: s }
          - { id: t.sys, title: Sys, article: Art. 2, kind: obligation, addressee: x, when: "systems[].risky", for_each: systems, summary: s }
          - { id: t.later, title: Later, article: Art. 3, kind: obligation, addressee: x, when: org.employees >= 250, applies_from: 2025-03-01, summary: s }
        """)

    @Test("--fail-on lists parse, with windows in days or weeks, and print back the same")
    func policyParsing() throws {
        let policy = try GatePolicy(parsing: "prohibited, upcoming:12w,gaps")
        #expect(policy == GatePolicy(prohibited: true, upcomingWithinDays: 84, gaps: true))
        #expect(policy.description == "prohibited,upcoming:84d,gaps")
        #expect(try GatePolicy(parsing: "upcoming").upcomingWithinDays == 90)
        #expect(try GatePolicy(parsing: "none") == GatePolicy())
        #expect(try GatePolicy(parsing: GatePolicy.standard.description) == .standard)
        #expect(throws: DiagnosticError.self) { try GatePolicy(parsing: "upcoming:soon") }
        #expect(throws: DiagnosticError.self) { try GatePolicy(parsing: "prohibited,") }
    }

    @Test("an entry for one item takes precedence over the entry for the whole rule")
    func itemEntries() throws {
        let book = try rulebook([pack])
        let evaluation = try evaluate(book, """
            org: { employees: 300 }
            systems: [{ name: a, risky: true }, { name: b, risky: true }]
            compliance:
              t.sys: planned
              "t.sys[a]": { status: implemented, evidence: docs/a.md }
              t.big: { status: not_applicable, justification: Counted wrongly. }
            """)
        let statuses = evaluation.outcomes(ofRule: "t.sys").map { evaluation.complianceEntry(for: $0)?.status }
        #expect(statuses == [.implemented, .planned])
        let gate = evaluation.gate(.standard)
        #expect(gate.passed)
        #expect(gate.issues.isEmpty)
    }

    @Test("the upcoming window counts days from the evaluation date, inclusive")
    func upcomingWindow() throws {
        let book = try rulebook([pack])
        let evaluation = try evaluate(book, "org: { employees: 300 }\ncompliance: { t.big: implemented }", on: "2025-01-30")
        // t.later starts on 2025-03-01, 30 days later.
        #expect(evaluation.gate(GatePolicy(upcomingWithinDays: 29)).passed)
        let gate = evaluation.gate(GatePolicy(upcomingWithinDays: 30))
        #expect(!gate.passed)
        #expect(gate.failures.map(\.reason) == [.upcoming])
    }

    @Test("a waiver holds through its expiry date and fails the gate the day after")
    func waiverExpiry() throws {
        let book = try rulebook([pack])
        let manifest = "org: { employees: 300 }\ncompliance:\n  t.big: { status: waived, justification: j, expires: 2025-06-30 }\n  t.later: planned"
        #expect(try evaluate(book, manifest, on: "2025-06-30").gate(.standard).passed)
        let after = try evaluate(book, manifest, on: "2025-07-01").gate(.standard)
        #expect(after.failures.map(\.reason) == [.expiredWaiver])
        #expect(after.failures.first?.message == "the waiver of Test Act Art. 1 — Big expired on 2025-06-30")
    }

    @Test("an unknown item label is an error with a did-you-mean")
    func unknownItem() throws {
        let book = try rulebook([pack])
        let error = #expect(throws: DiagnosticError.self) {
            _ = try evaluate(book, "systems: [{ name: alpha, risky: true }]\ncompliance: { \"t.sys[alpah]\": planned }")
        }
        #expect(error?.description == "m.yaml:2:15: error: the manifest lists no item 'alpah' in 'systems'; did you mean 'alpha'? [compliance.unknown-item]")
    }
}
