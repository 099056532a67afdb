import Foundation
import ObligeSyntax
import Testing

@Suite("oblige schema and oblige init")
struct SchemaAndInitTests {
    func schema() throws -> SchemaValidator {
        let result = try CLI.run(["schema"])
        #expect(result.status == 0)
        let root = try #require(try YAMLLoader().load(text: result.stdout, file: "schema.json"))
        return SchemaValidator(root: root)
    }

    @Test("every example manifest validates against the generated schema")
    func examples() throws {
        let validator = try schema()
        let directory = CLI.root.appendingPathComponent("Examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let node = try #require(try YAMLLoader().load(file: directory.appendingPathComponent(file).path))
            #expect(validator.violations(of: node) == [], "\(file)")
        }
    }

    @Test("the schema catches what the engine rejects: unknown keys, wrong types, unknown values and rule ids")
    func catches() throws {
        let validator = try schema()
        let cases = [
            "organisation: { employes: 3 }": "$.organisation.employes: property not allowed",
            "organisation: { employees: \"3\" }": "$.organisation.employees: expected integer or null, found a string",
            "organisation: { kind: compnay }": "$.organisation.kind: \"compnay\" is not one of",
            "compliance: { dsa.art16.notice-and-actio: implemented }": "$.compliance.dsa.art16.notice-and-actio (name): 0 of the anyOf branches match",
        ]
        for (text, expected) in cases {
            let node = try #require(try YAMLLoader().load(text: text, file: "m.yaml"))
            let violations = validator.violations(of: node)
            #expect(violations.contains { $0.hasPrefix(expected) }, "\(text): \(violations)")
        }
        let good = try #require(try YAMLLoader().load(text: """
            compliance:
              dsa.art16.notice-and-action: implemented
              "ai_act.art26.human-oversight[TalentLens]": { status: waived, justification: x, expires: 2027-01-01 }
            """, file: "m.yaml"))
        #expect(validator.violations(of: good) == [])
    }

    @Test("init writes a starter manifest with every section, questions as comments; it is valid and checks")
    func initManifest() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try CLI.run(["init"], in: directory)
        #expect(created.status == 0)
        let path = directory.appendingPathComponent("oblige.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for section in ["organisation:", "market:", "service:", "data:", "measure:", "ai_systems:", "ai_models:", "product:"] {
            #expect(text.contains("\n\(section)\n"), "\(section)")
        }
        #expect(text.contains("  # Does the organisation have an establishment (a branch, subsidiary or office) in an EU Member State? (true or false)\n  established_in_eu:\n"))
        let node = try #require(try YAMLLoader().load(file: path))
        #expect(try schema().violations(of: node) == [])
        let check = try CLI.run(["check", "oblige.yaml"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        let again = try CLI.run(["init"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr == "error: 'oblige.yaml' exists; use --force to replace it\n")
        #expect(try CLI.run(["init", "--force"], in: directory).status == 0)
    }
}
