import ObligeSyntax
import Testing

@Suite("Did-you-mean suggestions")
struct SuggestionsTests {
    @Test("a misspelt key finds its neighbour")
    func typo() {
        #expect(Suggestions.closest(to: "employes", among: ["employees", "established_in_eu", "name"]) == "employees")
        #expect(Suggestions.closest(to: "hostin", among: ["hosting", "caching", "mere_conduit"]) == "hosting")
    }

    @Test("a transposition counts as one edit")
    func transposition() {
        #expect(Suggestions.closest(to: "cahcing", among: ["caching", "hosting"]) == "caching")
    }

    @Test("nothing close enough gives no suggestion")
    func noSuggestion() {
        #expect(Suggestions.closest(to: "zzz", among: ["employees", "name"]) == nil)
        #expect(Suggestions.closest(to: "a", among: []) == nil)
    }

    @Test("ties are broken alphabetically")
    func deterministic() {
        #expect(Suggestions.closest(to: "cat", among: ["hat", "bat"]) == "bat")
    }

    @Test("a wrong section with the right leaf is found by its leaf")
    func leaf() {
        #expect(Suggestions.closest(to: "company.employees",
                                    among: ["organisation.employees", "service.type"]) == "organisation.employees")
    }
}
