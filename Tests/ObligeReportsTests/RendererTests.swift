import Foundation
import Oblige
import ObligeReports
import Testing

@Suite("Renderers")
struct RendererTests {
    @Test("the text report matches the saved output")
    func text() throws {
        let evaluation = try Fixture.evaluation()
        let text = TextReportRenderer().render(Report(asOf: evaluation.asOf, evaluations: [evaluation]))
        #expect(text == (try Fixture.expected("check.txt", actual: text)))
    }

    @Test("the text report puts prohibitions first, and non-law apart")
    func textOrder() throws {
        let evaluation = try Fixture.evaluation()
        let text = TextReportRenderer().render(Report(asOf: evaluation.asOf, evaluations: [evaluation]))
        let prohibited = try #require(text.range(of: "!! PROHIBITED PRACTICES (1)"))
        let binding = try #require(text.range(of: "== Fixture Act"))
        let notLaw = try #require(text.range(of: "== Not in force"))
        #expect(prohibited.lowerBound < binding.lowerBound)
        #expect(binding.lowerBound < notLaw.lowerBound)
        #expect(text.contains("Risky systems [scorer] (fx.art6.risky)"))
        #expect(text.contains("✘ GAP  Art. 7 — A State-like duty (fx.art7.duty)\n           lacking: No adequacy review."))
        #expect(!text.contains("[chatbot] (fx.art6.risky)"))
    }

    @Test("an instrument of which nothing applies takes one line, not a section")
    func whollyInapplicable() throws {
        let evaluation = try Fixture.evaluation("org: { employees: 300, public: false }\nsystems: []")
        let text = TextReportRenderer().render(Report(asOf: evaluation.asOf, evaluations: [evaluation]))
        #expect(!text.contains("== Fixture Public Sector Act"))
        #expect(text.contains("== Instruments that do not apply at all (`oblige explain RULE-ID` shows why) ==\n  FY (1 rule)\n"))
        // A single applying rule brings the full section back.
        let publicBody = try Fixture.evaluation("org: { employees: 6000, public: true }\nsystems: []")
        let full = TextReportRenderer().render(Report(asOf: publicBody.asOf, evaluations: [publicBody]))
        #expect(full.contains("== Fixture Public Sector Act"))
        #expect(!full.contains("do not apply at all"))
    }

    @Test("explain shows values, facts with their manifest lines, and missing facts")
    func explain() throws {
        let evaluation = try Fixture.evaluation()
        let text = ExplainRenderer().render(evaluation.outcomes(ofRule: "fx.art2.report"), in: evaluation)
        #expect(text == (try Fixture.expected("explain.txt", actual: text)))
        let undetermined = ExplainRenderer().render(evaluation.outcomes(ofRule: "fx.art3.public"), in: evaluation)
        #expect(undetermined.contains("Missing facts that would decide it:\n  org.public — Is it a public body?"))
    }

    @Test("questions list what is missing, with the findings it decides")
    func questions() throws {
        let text = QuestionsRenderer().render(try Fixture.evaluation())
        #expect(text == (try Fixture.expected("questions.txt", actual: text)))
    }

    @Test("the JSON report is valid JSON with the documented fields, deterministic")
    func json() throws {
        let evaluation = try Fixture.evaluation()
        let report = Report(asOf: evaluation.asOf, evaluations: [evaluation])
        let text = JSONReportRenderer().render(report)
        #expect(text == JSONReportRenderer().render(report))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "oblige.report/1")
        #expect(object["as_of"] as? String == "2025-06-01")
        let subject = try #require((object["subjects"] as? [[String: Any]])?.first)
        #expect(Set(subject.keys) == ["manifest", "name", "summary", "classifications", "findings", "questions",
                                      "assumptions", "predicates", "gate"])
        let findings = try #require(subject["findings"] as? [[String: Any]])
        #expect(findings.count == 10)
        let duty = try #require(findings.first { $0["rule"] as? String == "fx.art7.duty" })
        #expect(duty["met"] as? Bool == false)
        #expect(duty["gap"] as? Bool == true)
        #expect(duty["gap_description"] as? String == "No adequacy review.")
        #expect(duty["assessment"] as? String == "not_met")
        let report1 = try #require(findings.first { $0["rule"] as? String == "fx.art2.report" })
        #expect(Set(report1.keys) == ["rule", "title", "instrument", "article", "url", "kind", "addressee", "status",
                                      "condition_status", "applies_from", "applies_until", "summary", "confidence",
                                      "note", "draft", "transparency", "exemption", "scope", "missing_facts", "trace",
                                      "met", "assessment", "gap", "gap_description", "guidance", "compliance", "gate_issue"])
        #expect(report1["url"] as? String == "https://example.org/fa#art_2")
        #expect(report1["status"] as? String == "applies")
        #expect(report1["assessment"] is NSNull)
        let transparency = try #require(report1["transparency"] as? [String: Any])
        #expect(transparency["audience"] as? [String] == ["public"])
        let risky = findings.filter { $0["rule"] as? String == "fx.art6.risky" }
        #expect(risky.compactMap { ($0["scope"] as? [String: Any])?["label"] as? String } == ["scorer", "chatbot"])
        let proposal = try #require(findings.first { $0["rule"] as? String == "fp.art1.duty" })
        #expect(proposal["status"] as? String == "not_in_force")
        #expect(proposal["condition_status"] as? String == "applies")
        let assumptions = try #require(subject["assumptions"] as? [[String: Any]])
        #expect(assumptions.map { $0["fact"] as? String } == ["org.ads"])
        #expect(text == (try Fixture.expected("check.json", actual: text)))
    }
}
