import Foundation
import Oblige
import ObligeSyntax
import Testing

/// A small, fixed rule set for renderer tests, so that the built-in packs can change without
/// changing the expected outputs.
enum Fixture {
    static let vocabulary = """
        vocabulary: fixture
        collections:
          systems: { description: Systems., label: name }
        facts:
          org.employees: { type: integer, description: Staff., question: How many staff? }
          org.public: { type: boolean, description: Public body., question: Is it a public body? }
          org.ads: { type: boolean, description: Ads., question: Does it show ads?, presumed: true, presumption: Most services do. }
          systems[].name: { type: string, description: Name., question: What is it called? }
          systems[].risky: { type: boolean, description: Risky., question: Is it risky? }
        """

    static let pack = """
        pack: fx
        instrument:
          title: Fixture Act
          short_name: FA
          reference: Regulation (EU) 0000/1
          url: https://example.org/fa
          article_url: https://example.org/fa#art_{article}
          status: in_force
          applies_from: 2024-01-01
        predicates:
          large: org.employees >= 250
        classifications:
          size:
            title: Size class
            values:
              - { value: large, when: large }
              - { value: small, when: not large }
        rules:
          - id: fx.art1.register
            title: Register
            article: Art. 1(1)
            kind: obligation
            addressee: large organisations
            when: large
            summary: Register with the authority.
          - id: fx.art2.report
            title: Annual report
            article: Art. 2
            kind: transparency
            addressee: large organisations
            when: large and org.ads
            transparency: { audience: [public], what: An annual report., when: every year }
            summary: Publish an annual report.
          - id: fx.art3.public
            title: Public bodies
            article: Art. 3
            kind: obligation
            addressee: public bodies
            when: org.public
            summary: Public bodies do more.
          - id: fx.art4.later
            title: Later duty
            article: Art. 4
            kind: obligation
            addressee: large organisations
            when: large
            applies_from: 2030-01-01
            summary: Comes later.
          - id: fx.art5.exempt
            title: Exempted duty
            article: Art. 5
            kind: obligation
            addressee: anyone
            when: true
            unless:
              - when: large
                article: Art. 5(2)
                summary: Large organisations are exempt.
            summary: A duty with an exemption.
          - id: fx.art6.risky
            title: Risky systems
            article: Art. 6
            kind: prohibition
            addressee: providers
            for_each: systems
            when: systems[].risky
            summary: Risky systems are prohibited.
          - id: fx.art7.duty
            title: A State-like duty
            article: Art. 7
            kind: state_duty
            addressee: the State
            when: large
            met_when: org.employees > 1000
            gap: No adequacy review.
            guidance: A guidance note.
            summary: A duty a measure can meet or leave unmet.
        """

    static let proposal = """
        pack: fp
        instrument:
          title: Fixture Proposal
          reference: COM(2022) 1
          url: https://example.org/fp
          status: withdrawn
          history: { 2022-01-01: proposed, 2025-01-01: withdrawn }
        rules:
          - { id: fp.art1.duty, title: Proposed duty, article: Art. 1, kind: liability, addressee: x, when: fx.large, summary: Would apply. }
        """

    /// A second binding instrument, of which nothing applies to the default manifest.
    static let publicSector = """
        pack: fy
        instrument:
          title: Fixture Public Sector Act
          short_name: FY
          reference: Directive (EU) 0000/2
          url: https://example.org/fy
          status: in_force
          applies_from: 2024-01-01
        rules:
          - { id: fy.art1.very-large, title: Very large duty, article: Art. 1, kind: obligation, addressee: very large organisations, when: org.employees > 5000, summary: Only for very large organisations. }
        """

    static let manifest = """
        name: Example
        org:
          employees: 300
        systems:
          - { name: scorer, risky: true }
          - { name: chatbot, risky: false }
        """

    static func rulebook() throws -> Rulebook {
        let compilation = Rulebook.compile([
            RuleFile(path: "vocabulary.yaml", text: vocabulary),
            RuleFile(path: "fx.yaml", text: pack),
            RuleFile(path: "fp.yaml", text: proposal),
            RuleFile(path: "fy.yaml", text: publicSector),
        ])
        return try #require(compilation.rulebook, "\(compilation.diagnostics)")
    }

    static func evaluation(_ text: String = manifest, on date: String = "2025-06-01") throws -> Evaluation {
        let book = try rulebook()
        let facts = try book.facts(from: try YAMLLoader().load(text: text, file: "m.yaml"), file: "m.yaml")
        return Evaluator(rulebook: book, asOf: try #require(CivilDate(date))).evaluate(facts)
    }

    /// The expected output saved under `Expected/`; with OBLIGE_UPDATE_EXPECTED=1 the file is
    /// rewritten from `actual` (review the diff before committing).
    static func expected(_ name: String, actual: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Expected").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OBLIGE_UPDATE_EXPECTED"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
