import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ObligeSyntax
import Testing

/// The CI gate end to end, on a fixture pack that does not change with the built-in packs: one
/// acknowledged obligation (Art. 1), one waived (Art. 2), one whose waiver has expired (Art. 3),
/// one unacknowledged (Art. 4), one stale entry (Art. 5), one upcoming (Art. 6) and one
/// undetermined (Art. 7).
@Suite("CI gate")
struct GateTests {
    static let base = ["check", "--no-builtins", "--rules", "gate/rules", "gate/product.yaml", "--as-of", "2026-11-01"]

    func check(_ extra: [String]) throws -> CLI.Result {
        try CLI.run(Self.base + extra)
    }

    @Test("the default gate fails on the unacknowledged obligation and the expired waiver, in every format",
          arguments: ["text", "json", "markdown", "sarif", "junit", "github"])
    func everyFormat(format: String) throws {
        let result = try check(["--format", format])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.isEmpty)
    }

    @Test("the text report ends with the verdict: the failing issues, then what this policy does not gate")
    func textVerdict() throws {
        let text = try check([]).stdout
        let verdict = try #require(text.range(of: "Gate (--fail-on"))
        #expect(String(text[verdict.lowerBound...]) == """
            Gate (--fail-on prohibited,unacknowledged,expired): FAILED, 2 issues
              ✘ unacknowledged: GA Art. 4 — Moderation applies and the compliance section does not account for
                  it
                  → record each under compliance: (status: implemented, planned or not_applicable with a justification)
              ✘ expired waiver: the waiver of GA Art. 3 — Audit expired on 2025-12-31 (gate/product.yaml:15:3)
              Not gated by this policy: 1 undetermined, 1 stale
              • stale: the compliance entry 'ga.art5.public' names no rule that applies, may apply or is
                  upcoming (gate/product.yaml:19:3)

            """)
        #expect(text.contains("    • Art. 1 — Register (ga.art1.register) [implemented]\n"))
        #expect(text.contains("    • Art. 2 — Advertising report (ga.art2.report) [waived until 2030-12-31]\n"))
        #expect(text.contains("    • Art. 3 — Audit (ga.art3.audit) [WAIVER EXPIRED 2025-12-31]\n"))
    }

    @Test("GitHub annotations: errors for what fails the gate, notices for the rest, then the verdict")
    func githubAnnotations() throws {
        let lines = try check(["--format", "github"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["::error", "::error", "::notice", "::notice", "oblige:"])
        #expect(lines[1] == "::error file=gate/product.yaml,line=6,col=9,title=GA Art. 4 (ga.art4.moderate)::GA Art. 4 — Moderation applies and the compliance section does not account for it. See https://example.org/ga#art_4")
        #expect(lines[4] == "oblige: gate/product.yaml: gate FAILED with 2 issues (--fail-on prohibited,unacknowledged,expired)")
    }

    @Test("the JSON report lists exactly the expected issues, with what fails the gate")
    func jsonIssues() throws {
        let result = try check(["--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let gate = try #require(root["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        #expect(gate["policy"] as? String == "prohibited,unacknowledged,expired")
        let subject = try #require((root["subjects"] as? [[String: Any]])?.first)
        let issues = try #require((subject["gate"] as? [String: Any])?["issues"] as? [[String: Any]])
        let summary = issues.map { "\($0["rule"] as? String ?? "-") \($0["reason"] as? String ?? "-") \($0["fails_gate"] as? Bool == true)" }
        #expect(summary == [
            "ga.art3.audit expired_waiver true",
            "ga.art4.moderate unacknowledged true",
            "ga.art7.ai undetermined false",
            "ga.art5.public stale false",
        ])
        let findings = try #require(subject["findings"] as? [[String: Any]])
        let register = try #require(findings.first { $0["rule"] as? String == "ga.art1.register" })
        let compliance = try #require(register["compliance"] as? [String: Any])
        #expect(compliance["status"] as? String == "implemented")
        #expect(compliance["evidence"] as? String == "docs/register.md")
        #expect(register["gate_issue"] is NSNull)
    }

    @Test("--no-traces leaves the traces out of the JSON report and keeps everything else")
    func noTraces() throws {
        let full = try check(["--format", "json"]).stdout
        let brief = try check(["--format", "json", "--no-traces"]).stdout
        #expect(brief.count < full.count)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(brief.utf8)) as? [String: Any])
        let subject = try #require((root["subjects"] as? [[String: Any]])?.first)
        #expect(subject["predicates"] is NSNull)
        let findings = try #require(subject["findings"] as? [[String: Any]])
        #expect(findings.count == 8)
        #expect(findings.allSatisfy { $0["trace"] is NSNull })
    }

    @Test("--fail-on changes the verdict: prohibitions only passes, undetermined, stale and upcoming each fail")
    func policies() throws {
        #expect(try check(["--fail-on", "prohibited"]).status == 0)
        #expect(try check(["--fail-on", "none"]).status == 0)
        for policy in ["undetermined", "stale", "upcoming:90d", "unacknowledged", "expired"] {
            #expect(try check(["--fail-on", policy]).status == 1, "\(policy)")
        }
        // Art. 6 starts on 2027-01-01, 61 days after the evaluation date.
        #expect(try check(["--fail-on", "upcoming:60d"]).status == 0)
        let upcoming = try check(["--fail-on", "upcoming:61d", "--format", "github"])
        #expect(upcoming.stdout.contains("::error file=gate/product.yaml,line=6,col=9,title=GA Art. 6 (ga.art6.later)::GA Art. 6 — Later duty applies from 2027-01-01 and is neither implemented nor planned."))
    }

    @Test("a bad --fail-on is a usage error with a suggestion")
    func badPolicy() throws {
        let result = try check(["--fail-on", "prohibited,unacknowleged"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: 'unacknowleged' is not a gate condition (expected: prohibited, unacknowledged, undetermined, upcoming, gaps, expired, stale, none); did you mean 'unacknowledged'? [usage.fail-on]\n")
    }

    @Test("SARIF output validates against the SARIF 2.1.0 schema, one result per issue, at the deciding line")
    func sarif() throws {
        let result = try check(["--format", "sarif"])
        let schemaPath = CLI.fixtures.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        let schema = try #require(try YAMLLoader().load(file: schemaPath))
        let document = try #require(try YAMLLoader().load(text: result.stdout, file: "out.sarif"))
        #expect(SchemaValidator(root: schema).violations(of: document) == [])

        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        // A descriptor for every rule that concerns the product (not Art. 8, which does not apply).
        #expect(rules.compactMap { $0["id"] as? String } == [
            "ga.art1.register", "ga.art2.report", "ga.art3.audit", "ga.art4.moderate", "ga.art5.public",
            "ga.art6.later", "ga.art7.ai",
        ])
        #expect(rules[2]["helpUri"] as? String == "https://example.org/ga#art_3")
        #expect(results.map { $0["ruleIndex"] as? Int } == [2, 3, 6, 4])
        func line(_ rule: String) -> (String, Int)? {
            guard let result = results.first(where: { $0["ruleId"] as? String == rule }),
                  let location = (result["locations"] as? [[String: Any]])?.first,
                  let physical = location["physicalLocation"] as? [String: Any],
                  let region = physical["region"] as? [String: Any],
                  let line = region["startLine"] as? Int else { return nil }
            return (result["level"] as? String ?? "", line)
        }
        // Art. 4 was decided by `kind: forum` (line 6); the expired waiver sits at its entry (line 15);
        // the stale entry at line 19; the undetermined rule reads no stated fact, so the top of the manifest.
        #expect(line("ga.art4.moderate").map { "\($0.0) \($0.1)" } == "warning 6")
        #expect(line("ga.art3.audit").map { "\($0.0) \($0.1)" } == "error 15")
        #expect(line("ga.art5.public").map { "\($0.0) \($0.1)" } == "note 19")
        #expect(line("ga.art7.ai").map { "\($0.0) \($0.1)" } == "note 1")
        // A schema violation is caught: the validator is not vacuous.
        let broken = try #require(try YAMLLoader().load(text: result.stdout.replacingOccurrences(of: "\"warning\"", with: "\"loud\""), file: "x"))
        #expect(!SchemaValidator(root: schema).violations(of: broken).isEmpty)
    }

    @Test("a prohibited practice is a SARIF error that fails the gate, even with every obligation acknowledged")
    func prohibition() throws {
        let directory = try CLI.temporaryDirectory()
        let manifest = directory.appendingPathComponent("shop.yaml")
        try "org: { employees: 5, public: false }\nservice: { kind: shop, ads: false, ai: false }\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--no-builtins", "--rules", CLI.fixtures.appendingPathComponent("gate/rules").path,
                                  manifest.path, "--as-of", "2026-11-01", "--format", "sarif"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"ruleId\": \"ga.art8.dark-patterns\""))
        #expect(result.stdout.contains("\"level\": \"error\""))
    }

    @Test("JUnit output parses as XML with one case per finding: 2 failures, 2 skipped")
    func junit() throws {
        let result = try check(["--format", "junit"])
        let counter = XMLCounter()
        let parser = XMLParser(data: Data(result.stdout.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.elements["testsuites"] == 1)
        #expect(counter.elements["testsuite"] == 1)
        #expect(counter.elements["testcase"] == 8)
        #expect(counter.elements["failure"] == 2)
        #expect(counter.elements["skipped"] == 2)
        #expect(counter.rootAttributes["tests"] == "8")
        #expect(counter.rootAttributes["failures"] == "2")
        #expect(counter.failureTypes == ["expired_waiver", "unacknowledged"])
    }

    @Test("the markdown memo shows the verdict, what needs attention and each obligation's compliance")
    func markdown() throws {
        let memo = try check(["--format", "markdown"]).stdout
        #expect(memo.hasPrefix("# Obligations memo: Gate fixture forum\n"))
        #expect(memo.contains("gate (`--fail-on prohibited,unacknowledged,expired`): **failed** (2 issues)"))
        #expect(memo.contains("- ✘ **unacknowledged** — GA Art. 4 — Moderation applies and the compliance section does not account for it"))
        #expect(memo.contains("#### [Art. 1](https://example.org/ga#art_1) — Register (`ga.art1.register`)"))
        #expect(memo.contains("compliance: **implemented**; evidence: docs/register.md; owner: legal"))
        #expect(memo.contains("- `org.employees >= 10`: `org.employees` = 60 (line 3)"))
    }

    @Test("several reports in one run, each to its file; the exit code is the gate's")
    func severalOutputs() throws {
        let directory = try CLI.temporaryDirectory()
        let sarif = directory.appendingPathComponent("out.sarif").path
        let junit = directory.appendingPathComponent("out.xml").path
        let result = try check(["--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit,
                                "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=gate/product.yaml,line=15"))
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"version\": \"2.1.0\""))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).hasPrefix("<?xml"))
        let mismatch = try check(["--format", "sarif", "--format", "junit"])
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("only one report can go to standard output"))
    }

    @Test("the CI example passes the default gate in every format, and the CI recipes are valid YAML that run it")
    func ciExample() throws {
        for format in ["text", "sarif", "junit", "markdown", "github", "json"] {
            let result = try CLI.run(["check", "Examples/ci/oblige.yaml", "--as-of", "2026-11-23", "--format", format],
                                     in: CLI.root)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        for recipe in ["github-actions.yml", "gitlab-ci.yml", "pre-commit-config.yaml"] {
            let path = CLI.root.appendingPathComponent("Examples/ci/\(recipe)").path
            #expect(try YAMLLoader().load(file: path) != nil, "\(recipe)")
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("oblige check"), "\(recipe)")
        }
    }

    @Test("compliance entries are checked: unknown ids and items get a suggestion, statuses their required fields",
          arguments: [
              ("ga.art4.moderat: implemented", "no rule has the id 'ga.art4.moderat'; did you mean 'ga.art4.moderate'? [compliance.unknown-rule]"),
              ("ga.art4.moderate: { status: not_applicable }", "'ga.art4.moderate' is marked not_applicable without a justification; say why it does not apply [compliance.missing-justification]"),
              ("ga.art4.moderate: { status: waived, justification: later }", "the waiver of 'ga.art4.moderate' needs a justification and an expires: date [compliance.incomplete-waiver]"),
              ("ga.art4.moderate: implmented", "'implmented' is not a valid compliance status (expected one of: implemented, planned, not_applicable, waived); did you mean 'implemented'? [schema.unknown-value]"),
              ("ga.art8.dark-patterns: implemented", "'ga.art8.dark-patterns' is a prohibition: it cannot be implemented; stop the practice, or mark it not_applicable (with a justification) or waived [compliance.prohibition-status]"),
              ("\"ga.art4.moderate[x]\": planned", "'ga.art4.moderate' is not evaluated per item; write it without '[x]' [compliance.unexpected-item]"),
              ("ga.art4.moderate: { status: planned, ownr: me }", "unknown key 'ownr' in the compliance entry for 'ga.art4.moderate'; did you mean 'owner'? [schema.unknown-key]"),
          ])
    func badEntries(entry: String, message: String) throws {
        let directory = try CLI.temporaryDirectory()
        let manifest = directory.appendingPathComponent("m.yaml")
        try "org: { employees: 60 }\nservice: { kind: forum }\ncompliance:\n  \(entry)\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--no-builtins", "--rules", CLI.fixtures.appendingPathComponent("gate/rules").path,
                                  "m.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("m.yaml:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: \(message)\n"), "\(result.stderr)")
    }
}

/// Counts XML elements and keeps the root's attributes and the failure types.
final class XMLCounter: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var rootAttributes: [String: String] = [:]
    var failureTypes: [String] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[elementName, default: 0] += 1
        if elementName == "testsuites" { rootAttributes = attributes }
        if elementName == "failure" { failureTypes.append(attributes["type"] ?? "") }
    }
}

@Suite("oblige diff")
struct DiffTests {
    @Test("a draft's effect on a manifest: gained, lost and changed findings, and the portfolio summary")
    func diff() throws {
        let result = try CLI.run(["diff", "--no-builtins", "--rules", "gate/rules", "--draft", "gate/draft",
                                  "gate/product.yaml", "--as-of", "2026-11-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Draft ga_draft against the law as it is — as of 2026-11-01

            Gate fixture forum (gate/product.yaml)
              − lost    GA Art. 4 — Moderation (ga.art4.moderate): applies → not applicable
              ~ changed GA Art. 6 — Later duty (ga.art6.later): applies from 2027-01-01 → 2026-12-01
              + gained  GA Art. 9 — Ads archive (ga.art9.ads-archive): no such rule → applies
              − lost    GA Art. 7 — AI notice (ga.art7.ai): undetermined → no such rule

            Portfolio: 1 manifest, 1 changed; findings gained 1, lost 2, changed 1
            Rules the draft moves, most manifests first:
              GA Art. 4 — Moderation (ga.art4.moderate): lost in 1
              GA Art. 6 — Later duty (ga.art6.later): changed in 1
              GA Art. 7 — AI notice (ga.art7.ai): lost in 1
              GA Art. 9 — Ads archive (ga.art9.ads-archive): gained in 1

            """)
    }

    @Test("diff needs a draft")
    func needsDraft() throws {
        let result = try CLI.run(["diff", "gate/product.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("give the draft to compare with --draft DIR"))
    }
}
