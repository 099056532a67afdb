import Oblige
import Testing

@Suite("Calendar dates")
struct CivilDateTests {
    @Test("parses exactly YYYY-MM-DD and rejects impossible days", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-02-30", false), ("2024-13-01", false),
        ("2024-00-10", false), ("2024-1-01", false), ("24-01-01", false), ("2024-01-01T00:00", false),
        ("1900-02-29", false), ("2000-02-29", true), ("0001-01-01", true), ("2024/01/01", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CivilDate(text) != nil) == valid, "\(text)")
    }

    @Test("round-trips through its description, before and after 1970")
    func roundTrip() throws {
        for text in ["1970-01-01", "1969-12-31", "1985-07-25", "2024-02-17", "2099-12-31", "0001-01-01"] {
            #expect(try #require(CivilDate(text)).description == text)
        }
        #expect(CivilDate("1970-01-02")?.daysSinceEpoch == 1)
        #expect(CivilDate("1969-12-31")?.daysSinceEpoch == -1)
    }

    @Test("adding months clamps to the end of a shorter month")
    func months() throws {
        let date = try #require(CivilDate("2024-01-31"))
        #expect(date.adding(months: 1).description == "2024-02-29")
        #expect(date.adding(months: 13).description == "2025-02-28")
        #expect(try #require(CivilDate("2024-06-01")).adding(months: 4).description == "2024-10-01")
        #expect(try #require(CivilDate("2023-04-25")).adding(months: 4).description == "2023-08-25")
        #expect(try #require(CivilDate("2024-03-31")).adding(months: -1).description == "2024-02-29")
        #expect(try #require(CivilDate("2024-02-29")).adding(years: 1).description == "2025-02-28")
        #expect(try #require(CivilDate("2025-01-01")).adding(days: -1).description == "2024-12-31")
    }

    @Test("orders by day")
    func ordering() throws {
        #expect(try #require(CivilDate("2026-12-08")) < #require(CivilDate("2026-12-09")))
        #expect(try #require(CivilDate("2026-12-09")) == #require(CivilDate("2026-12-09")))
    }

    @Test("today is a plausible date")
    func today() {
        #expect(CivilDate.today() > CivilDate("2024-01-01")!)
    }
}
