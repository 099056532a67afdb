import Foundation
import Testing

@Suite("Help and usage")
struct HelpTests {
    func expected(_ name: String, actual: String) throws -> String {
        let url = CLI.fixtures.appendingPathComponent("expected").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OBLIGE_UPDATE_EXPECTED"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("oblige --help documents the commands and the exit codes", arguments: [
        (["--help"], "help.txt"), (["check", "--help"], "check-help.txt"),
    ])
    func help(arguments: [String], file: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout == (try expected(file, actual: result.stdout)))
    }

    @Test("the help names every exit code")
    func exitCodes() throws {
        let result = try CLI.run(["--help"])
        #expect(result.stdout.contains("0  success"))
        #expect(result.stdout.contains("1  the gate failed"))
        #expect(result.stdout.contains("2  bad input or usage"))
    }

    @Test("check on a valid manifest exits 0 and prints a report when only prohibitions gate")
    func check() throws {
        let result = try CLI.run(["check", "good.yaml", "--as-of", "2025-06-01", "--fail-on", "prohibited"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("Small hosting start-up (good.yaml) — as of 2025-06-01\n"))
        #expect(result.stdout.contains("Art. 16 — Notice and action mechanism (dsa.art16.notice-and-action)"))
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let first = try CLI.run(["check", "good.yaml", "--as-of", "2025-06-01", "--fail-on", "prohibited", "--format", "json"])
        let second = try CLI.run(["check", "good.yaml", "--as-of", "2025-06-01", "--fail-on", "prohibited", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test("the binary works from any directory: the built-in packs travel with it")
    func anyDirectory() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: CLI.fixtures.appendingPathComponent("good.yaml"),
                                         to: directory.appendingPathComponent("good.yaml"))
        let result = try CLI.run(["check", "good.yaml", "--as-of", "2025-06-01", "--fail-on", "prohibited"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("dsa.art16.notice-and-action"))
    }
}
