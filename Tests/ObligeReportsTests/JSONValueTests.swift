import Foundation
@testable import ObligeReports
import Testing

@Suite("JSON values")
struct JSONValueTests {
    @Test("strings escape quotes, backslashes and control characters; UTF-8 passes through")
    func escaping() throws {
        let text = "a\"b\\c\nd\te\u{01}\u{1F}é✓\r"
        let rendered = JSONValue.string(text).rendered()
        #expect(rendered == "\"a\\\"b\\\\c\\nd\\te\\u0001\\u001fé✓\\r\"\n")
        // And a JSON parser reads back the same string.
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8), options: [.fragmentsAllowed])
        #expect(decoded as? String == text)
    }

    @Test("object keys are sorted and numbers have one form")
    func deterministic() {
        let value = JSONValue.object(["b": .integer(2), "a": .number(1.0), "c": .number(0.5), "d": .null])
        #expect(value.rendered() == "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 0.5,\n  \"d\": null\n}\n")
    }
}
