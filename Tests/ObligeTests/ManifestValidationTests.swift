import Oblige
import ObligeSyntax
import Testing

@Suite("Manifest validation against the vocabulary")
struct ManifestValidationTests {
    let book: Rulebook

    init() throws {
        book = try rulebook([conditionPack("org.public")])
    }

    func errors(_ manifest: String) -> [String] {
        do {
            let root = try YAMLLoader().load(text: manifest, file: "m.yaml")
            _ = try book.facts(from: root, file: "m.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a misspelt key gets a did-you-mean")
    func typo() {
        #expect(errors("org:\n  employes: 40\n") == [
            "m.yaml:2:3: error: unknown key 'employes' in 'org'; did you mean 'employees'? [manifest.unknown-key]"
        ])
        #expect(errors("orgs:\n  employees: 40\n") == [
            "m.yaml:1:1: error: unknown key 'orgs' at the top level; did you mean 'org'? [manifest.unknown-key]"
        ])
    }

    @Test("a quoted number is text, and the error says to remove the quotes")
    func quotedNumber() {
        #expect(errors("org:\n  employees: \"42\"\n") == [
            "m.yaml:2:14: error: 'org.employees' must be an integer, not a string (the quoted \"42\"); remove the quotes to make it a number [manifest.wrong-type]"
        ])
    }

    @Test("YAML 1.1 booleans are not booleans")
    func yesIsNotTrue() {
        #expect(errors("org:\n  public: yes\n") == [
            "m.yaml:2:11: error: 'org.public' must be a boolean, not a string ('yes'); write true or false (YAML 1.2 reads 'yes' as text) [manifest.wrong-type]"
        ])
    }

    @Test("an unknown enum value lists the values and suggests the nearest")
    func unknownEnum() {
        #expect(errors("org:\n  kind: compnay\n") == [
            "m.yaml:2:9: error: 'compnay' is not a valid value for 'org.kind' (expected one of: company, authority, charity); did you mean 'company'? [manifest.unknown-value]"
        ])
        #expect(errors("org:\n  data: [health, gps]\n") == [
            "m.yaml:2:18: error: 'gps' is not a valid value for 'org.data' (expected one of: health, biometric, location) [manifest.unknown-value]"
        ])
    }

    @Test("the country NO stays the string NO")
    func norway() throws {
        let root = try YAMLLoader().load(text: "org:\n  country: NO\n", file: "m.yaml")
        let facts = try book.facts(from: root, file: "m.yaml")
        let country = try #require(book.vocabulary.fact("org.country"))
        #expect(facts.value(of: country) == .string("NO"))
        #expect(facts.location(of: country) == SourceLocation(file: "m.yaml", line: 2, column: 12))
    }

    @Test("dates, ranges, sections and nulls")
    func valueChecks() {
        #expect(errors("org:\n  founded: 2023-02-29\n") == [
            "m.yaml:2:12: error: '2023-02-29' is not a valid date for 'org.founded' (write YYYY-MM-DD) [manifest.bad-date]"
        ])
        #expect(errors("org:\n  employees: -3\n") == [
            "m.yaml:2:14: error: 'org.employees' must be at least 0, not -3 [manifest.out-of-range]"
        ])
        #expect(errors("org: 5\n") == [
            "m.yaml:1:6: error: 'org' is a section and must be a mapping (keys: employees, turnover, public, country, kind, data, founded, ads), not an integer [manifest.wrong-type]"
        ])
        #expect(errors("org:\n  employees: ~\n  public: null\n") == [])
    }

    @Test("every error is reported, sorted by position")
    func collected() {
        #expect(errors("org:\n  kind: x\n  employes: 1\nsystems:\n  - { name: a, risky: maybe }\n") == [
            "m.yaml:2:9: error: 'x' is not a valid value for 'org.kind' (expected one of: company, authority, charity) [manifest.unknown-value]",
            "m.yaml:3:3: error: unknown key 'employes' in 'org'; did you mean 'employees'? [manifest.unknown-key]",
            "m.yaml:5:23: error: 'systems[].risky' must be a boolean, not a string ('maybe') [manifest.wrong-type]",
        ])
    }

    @Test("an empty manifest and a list manifest are errors")
    func shapes() {
        #expect(errors("") == ["m.yaml:1:1: error: the manifest is empty [manifest.empty]"])
        #expect(errors("- a\n") == [
            "m.yaml:1:1: error: a manifest must be a mapping of sections (organisation:, service:, …), not a list [manifest.not-a-mapping]"
        ])
    }

    @Test("unstated facts with a presumption take the presumed value and are marked")
    func presumptions() throws {
        let root = try YAMLLoader().load(text: "org: {}\n", file: "m.yaml")
        let facts = try book.facts(from: root, file: "m.yaml")
        let ads = try #require(book.vocabulary.fact("org.ads"))
        #expect(facts.value(of: ads) == .bool(true))
        #expect(facts.isPresumed(ads))
        let stated = try book.facts(from: try YAMLLoader().load(text: "org: { ads: false }\n", file: "m.yaml"), file: "m.yaml")
        #expect(stated.value(of: ads) == .bool(false))
        #expect(!stated.isPresumed(ads))
    }
}
