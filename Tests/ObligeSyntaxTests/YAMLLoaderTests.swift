import ObligeSyntax
import Testing

@Suite("YAML loader")
struct YAMLLoaderTests {
    let loader = YAMLLoader()

    func load(_ text: String, limits: LoadLimits = .standard) throws -> YAMLNode? {
        try YAMLLoader(limits: limits).load(text: text, file: "m.yaml")
    }

    /// The diagnostics the loader reports for `text`, as printed.
    func failure(_ text: String, limits: LoadLimits = .standard) -> String? {
        do {
            _ = try YAMLLoader(limits: limits).load(text: text, file: "m.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("positions are 1-based, for keys and values")
    func positions() throws {
        let root = try #require(try load("organisation:\n  employees: 40\n  country: NO\n"))
        let organisation = try #require(root.mapping?.first)
        #expect(organisation.keyLocation == SourceLocation(file: "m.yaml", line: 1, column: 1))
        let fields = try #require(organisation.value.mapping)
        #expect(fields[0].keyLocation == SourceLocation(file: "m.yaml", line: 2, column: 3))
        #expect(fields[0].value.location == SourceLocation(file: "m.yaml", line: 2, column: 14))
        #expect(fields[1].value.scalar?.value == .string("NO"))
    }

    @Test("columns count Unicode scalars, not bytes")
    func unicodeColumns() throws {
        let root = try #require(try load("name: Zoë\nsite: ü\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs[1].value.location.column == 7)
        #expect(pairs[0].value.scalar?.text == "Zoë")
    }

    @Test("quoted scalars keep their style, so \"42\" is not 42")
    func quotedStyle() throws {
        let root = try #require(try load("a: \"42\"\nb: 42\nc: '42'\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs[0].value.scalar?.value == .string("42"))
        #expect(pairs[0].value.scalar?.isQuoted == true)
        #expect(pairs[1].value.scalar?.value == .int(42))
        #expect(pairs[2].value.scalar?.style == .singleQuoted)
    }

    @Test("a duplicate key is an error with both positions")
    func duplicateKey() {
        #expect(failure("a: 1\nb: 2\na: 3\n") == """
            m.yaml:3:1: error: duplicate key 'a' [yaml.duplicate-key]
              m.yaml:1:1: note: 'a' is first defined here
            """)
    }

    @Test("malformed YAML reports libyaml's problem at its position")
    func malformed() {
        #expect(failure("organisation:\n  employees: 40\n country: x\n") == """
            m.yaml:3:2: error: did not find expected key while parsing a block mapping [yaml.syntax]
              m.yaml:1:1: note: the block mapping started here
            """)
        #expect(failure("a: [1, 2\n") == """
            m.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence [yaml.syntax]
              m.yaml:1:4: note: the flow sequence started here
            """)
    }

    @Test("a billion-laughs file fails fast with a clear error")
    func billionLaughs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        let message = failure(text)
        #expect(message == "m.yaml:7:10: error: expanding this alias makes the document larger than 1000000 nodes (is it a 'billion laughs' file?) [yaml.too-many-nodes]")
    }

    @Test("aliases within the limit are expanded")
    func aliasesExpand() throws {
        let root = try #require(try load("base: &b {x: 1}\ncopy: *b\n"))
        #expect(root["copy"]?["x"]?.scalar?.value == .int(1))
        #expect(root["copy"]?.location == SourceLocation(file: "m.yaml", line: 2, column: 7))
    }

    @Test("an alias to an undefined anchor is an error")
    func undefinedAlias() {
        #expect(failure("a: *nowhere\n") == "m.yaml:1:4: error: alias '*nowhere' refers to no anchor defined before it [yaml.undefined-alias]")
    }

    @Test("nesting deeper than the limit fails at the first level too deep")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(failure(text) == "m.yaml:1:65: error: nesting is deeper than the limit of 64 levels [yaml.too-deep]")
    }

    @Test("input over the size limit is refused before parsing")
    func tooLarge() {
        let limits = LoadLimits(maxBytes: 10)
        #expect(failure("a: 12345678901\n", limits: limits) == "m.yaml:1:1: error: input is 15 bytes, over the limit of 10 bytes [input.too-large]")
    }

    @Test("only one document per file")
    func multipleDocuments() {
        #expect(failure("a: 1\n---\nb: 2\n") == "m.yaml:2:1: error: expected a single YAML document, but another one starts here [yaml.multiple-documents]")
    }

    @Test("an empty file has no document")
    func emptyFile() throws {
        #expect(try load("") == nil)
        #expect(try load("# only a comment\n") == nil)
    }

    @Test("invalid UTF-8 is reported at its byte")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("a: b\nc: ".utf8) + [0xFF, 0x0A]
        do {
            _ = try loader.load(bytes: bytes, file: "m.yaml")
            Issue.record("invalid UTF-8 should fail")
        } catch {
            #expect(error.description == "m.yaml:2:4: error: invalid leading UTF-8 octet (the file must be UTF-8 or UTF-16 text) [yaml.encoding]")
        }
    }

    @Test("standard tags are honoured; unknown tags are refused")
    func tags() throws {
        let root = try #require(try load("a: !!str 42\nb: !!int \"7\"\nc: !!float 3\n"))
        #expect(root["a"]?.scalar?.value == .string("42"))
        #expect(root["b"]?.scalar?.value == .int(7))
        #expect(root["c"]?.scalar?.value == .float(3))
        #expect(failure("a: !custom x\n") == "m.yaml:1:4: error: unsupported tag '!custom' [yaml.unsupported-tag]")
        #expect(failure("a: !!int x\n") == "m.yaml:1:4: error: 'x' is not a valid !!int value [yaml.bad-tagged-value]")
    }

    @Test("mapping keys must be scalars")
    func complexKeys() {
        #expect(failure("? [a, b]\n: c\n") == "m.yaml:1:3: error: mapping keys must be plain values, not a list [yaml.complex-key]")
    }
}
