import Ledger
import Testing

@Suite("Day")
struct DayTests {
    @Test("every day from 1900 to 2100 survives components and ISO text")
    func roundTrip() throws {
        let first = try #require(Day(year: 1900, month: 1, day: 1))
        let last = try #require(Day(year: 2100, month: 12, day: 31))
        var expected = first
        for raw in first.daysSinceEpoch...last.daysSinceEpoch {
            let day = Day(daysSinceEpoch: raw)
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
            #expect(Day(iso: day.iso) == day)
            #expect(day == expected)
            expected = expected.adding(days: 1)
        }
    }

    @Test("the epoch is 1970-01-01 and leap days follow the Gregorian rule")
    func knownDays() {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2021, month: 2, day: 29) == nil)
    }

    @Test("impossible days are rejected", arguments: ["2021-02-31", "2021-13-01", "2021-00-10", "21-02-01", "2021-2-1", "", "abcd-ef-gh"])
    func invalid(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("Dutch form is dd-mm-jjjj")
    func dutch() {
        #expect(Day(year: 2022, month: 2, day: 1)?.dutch == "01-02-2022")
    }
}
