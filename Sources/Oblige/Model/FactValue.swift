/// A fact's value as reports show it.
public enum FactValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case enumCase(String)
    case set([String])
    case date(CivilDate)

    /// The value as it would be written in a manifest.
    public var description: String {
        switch self {
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): Self.format(value)
        case .string(let value): "\"\(value)\""
        case .enumCase(let value): value
        case .set(let values): "[" + values.joined(separator: ", ") + "]"
        case .date(let value): value.description
        }
    }

    /// Whole numbers without a fraction, large ones in scientific notation (`5e+25`).
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A fact value packed into 16 bytes for the evaluator: a tag and 64 bits of payload.
///
/// Strings are interned against the rulebook's literals, enums are indices into their domain,
/// sets are bit masks, dates are day numbers — so evaluation compares integers only.
struct Cell: Sendable, Hashable {
    enum Tag: UInt8, Sendable {
        case absent, bool, integer, number, string, enumCase, set, date
    }

    var tag: Tag
    var bits: UInt64

    static let absent = Cell(tag: .absent, bits: 0)

    static func bool(_ value: Bool) -> Cell { Cell(tag: .bool, bits: value ? 1 : 0) }
    static func integer(_ value: Int64) -> Cell { Cell(tag: .integer, bits: UInt64(bitPattern: value)) }
    static func number(_ value: Double) -> Cell { Cell(tag: .number, bits: value.bitPattern) }
    static func enumCase(_ index: Int) -> Cell { Cell(tag: .enumCase, bits: UInt64(index)) }
    static func set(_ mask: UInt64) -> Cell { Cell(tag: .set, bits: mask) }
    static func date(_ date: CivilDate) -> Cell {
        Cell(tag: .date, bits: UInt64(bitPattern: Int64(date.daysSinceEpoch)))
    }
    /// A string: the interned literal id (or `UInt32.max` when no rule mentions it) and its
    /// position in the owner's string table, for display.
    static func string(internID: UInt32, tableIndex: UInt32) -> Cell {
        Cell(tag: .string, bits: UInt64(tableIndex) << 32 | UInt64(internID))
    }

    var isAbsent: Bool { tag == .absent }
    var boolValue: Bool { bits != 0 }
    var integerValue: Int64 { Int64(bitPattern: bits) }
    var numberValue: Double { tag == .integer ? Double(integerValue) : Double(bitPattern: bits) }
    var dateValue: CivilDate { CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: Int64(bitPattern: bits))) }
    var internID: UInt32 { UInt32(truncatingIfNeeded: bits) }
    var tableIndex: Int { Int(bits >> 32) }
}
