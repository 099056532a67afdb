import Foundation
import Oblige
import ObligeSyntax
import Testing

@Suite("Drafts that amend a pack")
struct DraftTests {
    let base = testPack("""
        parameters:
          threshold:
            description: Size threshold.
            values: { 2020-01-01: 250 }
        rules:
          - { id: t.big, title: Big, article: Art. 1, kind: obligation, addressee: x, when: org.employees >= param.threshold, summary: s }
          - { id: t.public, title: Public, article: Art. 2, kind: obligation, addressee: x, when: org.public, summary: s }
        """)

    @Test("a draft changes a parameter from a date, adds and removes rules")
    func amend() throws {
        let draft = """
            pack: lower_threshold
            amends: t
            parameters:
              threshold:
                description: Size threshold, lowered.
                values: { 2027-01-01: 100 }
            remove: [t.public]
            rules:
              - { id: t.charity, title: Charity, article: Art. 3, kind: obligation, addressee: x, when: org.kind == charity, summary: s }
            """
        let book = try rulebook([base, draft])
        #expect(book.rules.map(\.id) == ["t.big", "t.charity"])
        #expect(book.rules[1].draft == "lower_threshold")
        #expect(book.instruments[0].drafts == ["lower_threshold"])
        let manifest = "org: { employees: 150, kind: charity }"
        #expect(try evaluate(book, manifest, on: "2026-12-31").status("t.big") == .notApplicable)
        #expect(try evaluate(book, manifest, on: "2027-01-01").status("t.big") == .applies)
        #expect(try evaluate(book, manifest, on: "2027-01-01").status("t.charity") == .applies)
    }

    @Test("a draft replaces a rule with the same id")
    func replace() throws {
        let draft = """
            pack: stricter
            amends: t
            rules:
              - { id: t.public, title: Public or charity, article: Art. 2, kind: obligation, addressee: x, when: org.public or org.kind == charity, summary: s }
            """
        let book = try rulebook([base, draft])
        #expect(try evaluate(book, "org: { public: false, kind: charity }").status("t.public") == .applies)
    }

    @Test("a draft of an unknown pack, or removing an unknown rule, is an error")
    func errors() {
        let draft = """
            pack: oops
            amends: tt
            rules: []
            """
        #expect(messages([base, draft]) == [
            "pack1.yaml:2:9: error: draft 'oops' amends 'tt', which is not a loaded pack; did you mean 't'? [pack.unknown-base]"
        ])
        let removal = "pack: oops\namends: t\nremove: [t.publik]\n"
        #expect(messages([base, removal]) == [
            "pack1.yaml:3:10: error: draft 'oops' removes 't.publik', which 't' does not have; did you mean 't.public'? [pack.unknown-rule]"
        ])
    }

    @Test("a higher layer replaces a built-in document of the same name")
    func layers() throws {
        let newer = base.replacingFirst("org.employees >= param.threshold", with: "org.employees >= 10")
        let files = [
            RuleFile(path: "v.yaml", text: testVocabulary, layer: 0),
            RuleFile(path: "old.yaml", text: base, layer: 0),
            RuleFile(path: "new.yaml", text: newer, layer: 1),
        ]
        let book = try #require(Rulebook.compile(files).rulebook)
        #expect(try evaluate(book, "org: { employees: 20 }").status("t.big") == .applies)
        let clash = Rulebook.compile([files[0], files[1], RuleFile(path: "dup.yaml", text: base, layer: 0)])
        #expect(clash.diagnostics.map(\.description) == [
            "dup.yaml:1:1: error: pack 't' is defined twice [pack.duplicate]\n  old.yaml:1:1: note: first defined here"
        ])
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

@Suite("Rule files")
struct RuleFileTests {
    @Test("a test suite is recognised by its first key, after comments and blank lines")
    func testSuiteDetection() {
        #expect(RuleFile(path: "t.yaml", text: "# tests\n\nsuite: dsa\ntests: []\n").isTestSuite)
        #expect(!RuleFile(path: "p.yaml", text: "# a pack\npack: dsa\n").isTestSuite)
        #expect(!RuleFile(path: "e.yaml", text: "\n# only comments\n").isTestSuite)
        #expect(!RuleFile(path: "x.yaml", text: "suites: 1\n").isTestSuite)
    }
}
