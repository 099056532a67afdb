import ObligeSyntax
import Testing

@Suite("Positions inside multi-line scalars")
struct ScalarLinesTests {
    /// The scalar under `key` and where it starts.
    func scalar(_ text: String, key: String = "when") throws -> (YAMLScalar, ObligeSyntax.SourceLocation) {
        let root = try #require(try YAMLLoader().load(text: text, file: "r.yaml"))
        let node = try #require(root.mapping?.first { $0.key == key }?.value)
        return (try #require(node.scalar), node.location)
    }

    /// Where the first occurrence of `word` in the scalar's value sits in the file.
    func position(of word: String, in text: String) throws -> String {
        let (scalar, start) = try scalar(text)
        let offset = try #require(Self.offset(ofWord: word, in: scalar.text))
        let location = scalar.location(ofOffset: offset, from: start)
        return "\(location.line):\(location.column)"
    }

    /// The UTF-8 offset of the first whole word `word` (words are split at spaces and breaks).
    static func offset(ofWord word: String, in text: String) -> Int? {
        var offset = 0
        for piece in text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
            var inner = offset
            for part in piece.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                if part.elementsEqual(word.utf8) { return inner }
                inner += part.count + 1
            }
            offset += piece.count + 1
        }
        return nil
    }

    @Test("a folded condition maps each token to its own line and column")
    func folded() throws {
        let text = "when: >-\n  a and b\n\n  or c and\n  d\n"
        // A blank line in a folded scalar is a newline in the value.
        #expect(try position(of: "a", in: text) == "2:3")
        #expect(try position(of: "or", in: text) == "4:3")
        #expect(try position(of: "d", in: text) == "5:3")
    }

    @Test("a plain scalar over several lines maps its continuation lines")
    func plain() throws {
        let text = "when: alpha and\n      beta or\n   gamma\nnext: 1\n"
        #expect(try position(of: "alpha", in: text) == "1:7")
        #expect(try position(of: "beta", in: text) == "2:7")
        #expect(try position(of: "gamma", in: text) == "3:4")
    }

    @Test("a literal scalar keeps its line breaks and maps them")
    func literal() throws {
        let text = "when: |\n  first\n\n  third é x\nnext: 1\n"
        #expect(try position(of: "third", in: text) == "4:3")
        #expect(try position(of: "x", in: text) == "4:11")
    }

    @Test("one-line scalars map exactly, quoted ones after the quote, and Unicode counts as one column")
    func oneLine() throws {
        #expect(try position(of: "b", in: "when: a and b\n") == "1:13")
        #expect(try position(of: "b", in: "when: \"é and b\"\n") == "1:14")
    }

    @Test("values the loader cannot rebuild from their lines fall back to the scalar's start")
    func fallback() throws {
        // More-indented lines in a folded scalar keep their breaks; explicit indentation and
        // escapes in quoted scalars are not mapped either.
        #expect(try position(of: "deep", in: "when: >\n  a\n    deep\n") == "1:7")
        #expect(try position(of: "b", in: "when: >2\n  a\n  b\n") == "1:7")
        #expect(try position(of: "b", in: "when: \"a\\n\n  b\"\n") == "1:7")
        #expect(try scalar("when: \"a\\n\n  b\"\n").0.lines.isEmpty)
    }
}
