import Foundation
import Testing

/// Every kind of bad input gives `file:line:col: error: …`, a did-you-mean where it applies,
/// exit code 2, nothing on standard output, and no crash.
@Suite("Bad input", .serialized)
struct BadInputTests {
    func expectBadInput(_ arguments: [String], in directory: URL = CLI.fixtures, stderr expected: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLI.run(arguments, in: directory)
        #expect(result.status == 2, "exit status", sourceLocation: sourceLocation)
        #expect(result.stdout == "", "no partial report", sourceLocation: sourceLocation)
        #expect(result.stderr == expected, sourceLocation: sourceLocation)
    }

    @Test("malformed YAML")
    func malformed() throws {
        try expectBadInput(["check", "bad/malformed.yaml"], stderr: """
            bad/malformed.yaml:3:2: error: did not find expected key while parsing a block mapping [yaml.syntax]
              bad/malformed.yaml:1:1: note: the block mapping started here

            """)
    }

    @Test("a duplicate key")
    func duplicateKey() throws {
        try expectBadInput(["check", "bad/duplicate-key.yaml"], stderr: """
            bad/duplicate-key.yaml:4:3: error: duplicate key 'employees' [yaml.duplicate-key]
              bad/duplicate-key.yaml:2:3: note: 'employees' is first defined here

            """)
    }

    @Test("a manifest typo gets a did-you-mean")
    func typo() throws {
        try expectBadInput(["check", "bad/typo.yaml"], stderr: """
            bad/typo.yaml:2:3: error: unknown key 'employes' in 'organisation'; did you mean 'employees'? [manifest.unknown-key]

            """)
    }

    @Test("a wrong type")
    func wrongType() throws {
        try expectBadInput(["check", "bad/wrong-type.yaml"], stderr: """
            bad/wrong-type.yaml:2:14: error: 'organisation.employees' must be an integer, not a string (the quoted "forty") [manifest.wrong-type]

            """)
    }

    @Test("an unknown enum value gets a did-you-mean")
    func unknownEnum() throws {
        try expectBadInput(["check", "bad/unknown-enum.yaml"], stderr: """
            bad/unknown-enum.yaml:4:22: error: 'hostng' is not a valid value for 'service.intermediary_type' (expected one of: not_intermediary, mere_conduit, caching, hosting, online_platform, online_marketplace, online_search_engine); did you mean 'hosting'? [manifest.unknown-value]

            """)
    }

    @Test("a rule naming an undeclared fact")
    func undeclaredFact() throws {
        try expectBadInput(["check", "--rules", "rules-undeclared-fact", "good.yaml"], stderr: """
            rules-undeclared-fact/extra.yaml:13:11: error: 'organisation.employes' is neither a declared fact nor a predicate; did you mean 'organisation.employees'? [condition.undefined-name]

            """)
    }

    @Test("a predicate cycle")
    func predicateCycle() throws {
        try expectBadInput(["lint", "rules-cycle"], stderr: """
            rules-cycle/extra.yaml:9:15: error: predicates refer to each other in a cycle: extra.large → extra.very_large → extra.large [predicate.cycle]
              rules-cycle/extra.yaml:8:3: note: 'extra.large' is defined here
              rules-cycle/extra.yaml:9:3: note: 'extra.very_large' is defined here

            """)
    }

    @Test("a billion-laughs file fails fast")
    func billionLaughs() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        try text.write(to: directory.appendingPathComponent("laughs.yaml"), atomically: true, encoding: .utf8)
        let started = Date()
        try expectBadInput(["check", "laughs.yaml"], in: directory, stderr: """
            laughs.yaml:7:10: error: expanding this alias makes the document larger than 1000000 nodes (is it a 'billion laughs' file?) [yaml.too-many-nodes]

            """)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a 50 MB file is refused before it is read")
    func hugeFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: path.path, contents: nil))
        let handle = try FileHandle(forWritingTo: path)
        let line = Data("organisation: {employees: 1}\n#".utf8) + Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<50 { handle.write(line) }
        try handle.close()
        try expectBadInput(["check", "huge.yaml"], in: directory, stderr: """
            huge.yaml:1:1: error: file is 52430300 bytes, over the limit of 8388608 bytes (8 MiB) [input.too-large]

            """)
    }

    @Test("a 10,000-deep nesting")
    func deepNesting() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "organisation: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        try text.write(to: directory.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        try expectBadInput(["check", "deep.yaml"], in: directory, stderr: """
            deep.yaml:1:78: error: nesting is deeper than the limit of 64 levels [yaml.too-deep]

            """)
    }

    @Test("a missing file")
    func missingFile() throws {
        try expectBadInput(["check", "nowhere.yaml"], stderr: """
            error: cannot read 'nowhere.yaml': No such file or directory [input.unreadable]

            """)
    }

    @Test("a bad option value is a usage error with exit code 2")
    func badOption() throws {
        let result = try CLI.run(["check", "--as-of", "2024-13-01", "good.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: --as-of must be a date written YYYY-MM-DD, not '2024-13-01'"))
        let unknown = try CLI.run(["chek", "good.yaml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unexpected argument 'chek'") || unknown.stderr.contains("chek"))
    }

    @Test("an unknown rule id in explain gets a did-you-mean")
    func unknownRule() throws {
        let result = try CLI.run(["explain", "dsa.art16.notice-and-actoin", "good.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: no rule has the id 'dsa.art16.notice-and-actoin'; did you mean 'dsa.art16.notice-and-action'?"))
    }
}
