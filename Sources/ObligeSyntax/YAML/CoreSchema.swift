/// Resolution of plain scalars by the YAML 1.2 core schema (not YAML 1.1).
///
/// `yes`, `no`, `on`, `off`, `y` and `n` stay strings, so the country code `NO` is never `false`.
/// Sexagesimal numbers, `0b` binaries and timestamps are strings too.
public enum CoreSchema {
    /// The value of a plain scalar.
    public static func resolve(plain text: String) -> ScalarValue {
        // Most scalars are words: only short ones can be null or booleans, and only those that
        // start with a digit, a sign, '.' or '~' can be numbers or special floats.
        if let first = text.utf8.first {
            let isLetter = (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z")
            if isLetter && (text.utf8.count > 5 || !"nNtTfF".utf8.contains(first)) { return .string(text) }
            if !isLetter && !"0123456789+-.~".utf8.contains(first) { return .string(text) }
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if let integer = integerValue(bytes) { return integer }
        if isFloat(bytes), let double = Double(text) { return .float(double) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    private static func integerValue(_ bytes: [UInt8]) -> ScalarValue? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            if bytes[1] == UInt8(ascii: "o"), bytes[2...].allSatisfy({ (0x30...0x37).contains($0) }) {
                return UInt64(digits, radix: 8).map(numeric) ?? .string(String(decoding: bytes, as: UTF8.self))
            }
            if bytes[1] == UInt8(ascii: "x"), bytes[2...].allSatisfy(isHexDigit) {
                return UInt64(digits, radix: 16).map(numeric) ?? .string(String(decoding: bytes, as: UTF8.self))
            }
        }
        var index = 0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count, bytes[index...].allSatisfy(isDigit) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if let value = Int64(text) { return .int(value) }
        if let value = Int64(text.dropFirst(bytes[0] == UInt8(ascii: "+") ? 1 : 0)) { return .int(value) }
        return Double(text).map(ScalarValue.float)
    }

    private static func numeric(_ value: UInt64) -> ScalarValue {
        value <= UInt64(Int64.max) ? .int(Int64(value)) : .float(Double(value))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = 0
        while i < n, isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            var fraction = 0
            while i < n, isDigit(bytes[i]) { i += 1; fraction += 1 }
            // ".5" needs fraction digits; "5." is allowed.
            if mantissaDigits == 0, fraction == 0 { return false }
            mantissaDigits += fraction
        }
        guard mantissaDigits > 0 else { return false }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var exponent = 0
            while i < n, isDigit(bytes[i]) { i += 1; exponent += 1 }
            if exponent == 0 { return false }
        }
        return i == n
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
