import Oblige
import Testing

@Suite("Three-valued (Kleene) logic")
struct ThreeValuedLogicTests {
    @Test("the truth tables of not, and, or")
    func truthTables() {
        #expect(!Truth.yes == .no)
        #expect(!Truth.no == .yes)
        #expect(!Truth.unknown == .unknown)
        #expect((Truth.no && .unknown) == .no)
        #expect((Truth.unknown && .no) == .no)
        #expect((Truth.yes && .unknown) == .unknown)
        #expect((Truth.yes && .yes) == .yes)
        #expect((Truth.yes || .unknown) == .yes)
        #expect((Truth.unknown || .yes) == .yes)
        #expect((Truth.no || .unknown) == .unknown)
        #expect((Truth.no || .no) == .no)
        #expect((Truth.unknown || .unknown) == .unknown)
    }

    /// Every operator with an unknown (unstated) operand, evaluated through the engine.
    @Test("operators with an unknown operand", arguments: [
        ("org.employees >= 250", FindingStatus.undetermined),
        ("org.employees == 3", .undetermined),
        ("org.employees != 3", .undetermined),
        ("org.employees < 3", .undetermined),
        ("org.employees <= 3", .undetermined),
        ("org.employees > 3", .undetermined),
        ("org.kind in [company, authority]", .undetermined),
        ("org.kind not in [company]", .undetermined),
        ("org.data contains health", .undetermined),
        ("org.data contains any [health, location]", .undetermined),
        ("org.founded < 2020-01-01", .undetermined),
        ("org.founded + 1 year < as_of", .undetermined),
        ("org.country == \"NO\"", .undetermined),
        ("org.public", .undetermined),
        ("not org.public", .undetermined),
        // exists is never unknown: an unstated fact does not exist.
        ("org.public exists", .notApplicable),
        ("not org.public exists", .applies),
        // false and unknown is false; true or unknown is true.
        ("false and org.public", .notApplicable),
        ("org.public and false", .notApplicable),
        ("true or org.public", .applies),
        ("org.public or true", .applies),
        ("true and org.public", .undetermined),
        ("false or org.public", .undetermined),
        // any over no items is false, all over no items is true.
        ("any(systems, systems[].risky)", .notApplicable),
        ("all(systems, systems[].risky)", .applies),
    ])
    func unknownOperands(condition: String, expected: FindingStatus) throws {
        let book = try rulebook([conditionPack(condition)])
        let evaluation = try evaluate(book, "org: {}\n")
        #expect(evaluation.status("t.rule") == expected, "\(condition)")
    }

    @Test("quantifiers over items with unknown values")
    func quantifiers() throws {
        let manifest = """
            systems:
              - { name: a, risky: false }
              - { name: b }
            """
        let anyBook = try rulebook([conditionPack("any(systems, systems[].risky)")])
        #expect(try evaluate(anyBook, manifest).status("t.rule") == .undetermined)
        let allBook = try rulebook([conditionPack("all(systems, systems[].risky)")])
        #expect(try evaluate(allBook, manifest).status("t.rule") == .notApplicable)
        let someRisky = "systems:\n  - { name: a, risky: true }\n  - { name: b }\n"
        #expect(try evaluate(anyBook, someRisky).status("t.rule") == .applies)
    }

    @Test("known operands compare as written", arguments: [
        ("org.employees >= 250", "org: { employees: 250 }", FindingStatus.applies),
        ("org.employees > 250", "org: { employees: 250 }", .notApplicable),
        ("org.turnover <= 10000000", "org: { turnover: 1e7 }", .applies),
        ("org.turnover < 5e25", "org: { turnover: 5.0e25 }", .notApplicable),
        ("org.employees < 10.5", "org: { employees: 10 }", .applies),
        ("org.kind in [company, authority]", "org: { kind: charity }", .notApplicable),
        ("org.kind not in [company]", "org: { kind: charity }", .applies),
        ("org.data contains all [health, location]", "org: { data: [health] }", .notApplicable),
        ("org.data contains any [health, location]", "org: { data: [health] }", .applies),
        ("org.country == \"NO\"", "org: { country: NO }", .applies),
        ("org.country != \"NO\"", "org: { country: SE }", .applies),
        ("org.founded + 12 months > as_of", "org: { founded: 2024-06-01 }", .applies),
        ("org.founded + 6 months > as_of", "org: { founded: 2024-06-01 }", .notApplicable),
        ("min(org.founded, 2020-01-01) == 2020-01-01", "org: { founded: 2024-06-01 }", .applies),
        ("max(org.employees, 10) == 10", "org: { employees: 3 }", .applies),
    ])
    func knownOperands(condition: String, manifest: String, expected: FindingStatus) throws {
        let book = try rulebook([conditionPack(condition)])
        #expect(try evaluate(book, manifest).status("t.rule") == expected, "\(condition) with \(manifest)")
    }
}
