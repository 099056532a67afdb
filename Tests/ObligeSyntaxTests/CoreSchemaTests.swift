import ObligeSyntax
import Testing

@Suite("YAML 1.2 core schema")
struct CoreSchemaTests {
    @Test("YAML 1.1 booleans stay strings", arguments: ["NO", "no", "No", "yes", "Yes", "YES", "on", "off", "On", "OFF", "y", "n", "Y", "N"])
    func yaml11BooleansAreStrings(text: String) {
        #expect(CoreSchema.resolve(plain: text) == .string(text))
    }

    @Test("true and false in three spellings", arguments: [("true", true), ("True", true), ("TRUE", true),
                                                            ("false", false), ("False", false), ("FALSE", false)])
    func booleans(text: String, value: Bool) {
        #expect(CoreSchema.resolve(plain: text) == .bool(value))
    }

    @Test("null in every form", arguments: ["", "~", "null", "Null", "NULL"])
    func nulls(text: String) {
        #expect(CoreSchema.resolve(plain: text) == .null)
    }

    @Test("integers: decimal, octal 0o, hex 0x, signs")
    func integers() {
        #expect(CoreSchema.resolve(plain: "42") == .int(42))
        #expect(CoreSchema.resolve(plain: "-17") == .int(-17))
        #expect(CoreSchema.resolve(plain: "+8") == .int(8))
        #expect(CoreSchema.resolve(plain: "0o17") == .int(15))
        #expect(CoreSchema.resolve(plain: "0x1F") == .int(31))
        #expect(CoreSchema.resolve(plain: "007") == .int(7))
    }

    @Test("YAML 1.1 number forms stay strings", arguments: ["0b101", "1_000", "1:30", "0x", "0o8", "+", "-"])
    func yaml11NumbersAreStrings(text: String) {
        #expect(CoreSchema.resolve(plain: text) == .string(text))
    }

    @Test("floats, including exponents without a dot")
    func floats() {
        #expect(CoreSchema.resolve(plain: "1e25") == .float(1e25))
        #expect(CoreSchema.resolve(plain: "5.0e25") == .float(5e25))
        #expect(CoreSchema.resolve(plain: ".5") == .float(0.5))
        #expect(CoreSchema.resolve(plain: "5.") == .float(5))
        #expect(CoreSchema.resolve(plain: "-2.5E-3") == .float(-0.0025))
        #expect(CoreSchema.resolve(plain: ".inf") == .float(.infinity))
        #expect(CoreSchema.resolve(plain: "-.Inf") == .float(-.infinity))
        if case .float(let value) = CoreSchema.resolve(plain: ".NaN") { #expect(value.isNaN) } else {
            Issue.record("'.NaN' should be a float")
        }
        #expect(CoreSchema.resolve(plain: "1e") == .string("1e"))
        #expect(CoreSchema.resolve(plain: ".") == .string("."))
    }

    @Test("integers too large for 64 bits become numbers")
    func hugeIntegers() {
        #expect(CoreSchema.resolve(plain: "50000000000000000000000000") == .float(5e25))
    }

    @Test("dates are strings under the core schema")
    func datesAreStrings() {
        #expect(CoreSchema.resolve(plain: "2024-02-17") == .string("2024-02-17"))
    }
}
