import Foundation
import Testing

@Suite("oblige rules")
struct RulesCatalogueTests {
    @Test("the catalogue lists every rule once, in every format, with its citation")
    func catalogue() throws {
        let json = try CLI.run(["rules", "--format", "json", "--no-builtins", "--rules", "gate/rules", "--as-of", "2026-11-01"])
        #expect(json.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "oblige.rules/1")
        let rules = try #require(root["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["rule"] as? String } == [
            "ga.art1.register", "ga.art2.report", "ga.art3.audit", "ga.art4.moderate", "ga.art5.public",
            "ga.art6.later", "ga.art7.ai", "ga.art8.dark-patterns",
        ])
        #expect(rules[5]["applies_from"] as? String == "2027-01-01")
        #expect(rules[0]["url"] as? String == "https://example.org/ga#art_1")

        let text = try CLI.run(["rules", "--no-builtins", "--rules", "gate/rules"])
        #expect(text.stdout.hasPrefix("Gate Fixture Act — Regulation (EU) 0000/9 [in force] (8 rules)\n"))
        #expect(text.stdout.contains("  Art. 8 — Dark patterns (ga.art8.dark-patterns) · prohibition · from 2024-01-01\n"))

        let markdown = try CLI.run(["rules", "--format", "markdown", "--no-builtins", "--rules", "gate/rules"])
        #expect(markdown.stdout.contains("| [Art. 4](https://example.org/ga#art_4) | Moderation (`ga.art4.moderate`) | obligation | forums | from 2024-01-01 | high |"))
    }

    @Test("the built-in catalogue has every rule the packs define")
    func builtins() throws {
        let json = try CLI.run(["rules", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ids = try #require(root["rules"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
        let packs = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Rules").path)
            .filter { $0.hasSuffix(".yaml") }
        var declared = 0
        for pack in packs {
            let text = try String(contentsOf: CLI.root.appendingPathComponent("Rules/\(pack)"), encoding: .utf8)
            declared += text.components(separatedBy: "\n  - id: ").count - 1
        }
        #expect(ids.count == declared)
        #expect(Set(ids).count == ids.count)
    }
}
