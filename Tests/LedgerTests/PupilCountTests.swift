import Ledger
import Testing
import SampleData
import TestSupport

@Suite("Pupil count")
struct PupilCountTests {
    @Test("equals a brute-force count of distinct pupils over random rows and days")
    func matchesOracle() {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        for _ in 0..<50 {
            let rows = generator.rows(count: 80)
            let day = generator.day()
            var pupils = Set<UInt32>()
            for row in rows where row.periodStart <= day && (row.periodEnd == nil || day <= row.periodEnd!) {
                pupils.insert(row.pgn.value)
            }
            let count = PupilCount(rows: CountingRows(rows), on: day, by: .category)
            #expect(count.total == pupils.count, "seed \(seed)")
            #expect(count.groups.map(\.count).reduce(0, +) == pupils.count, "seed \(seed)")
        }
    }

    @Test("a pupil with two valid rows counts once, in the group of the first row")
    func countedOnce() {
        var generator = RegistrationGenerator(seed: 21)
        var first = generator.row()
        first.periodStart = Day(year: 2021, month: 8, day: 1)!
        first.periodEnd = nil
        first.institution = "00AO"
        first.category = .low
        var second = first
        second.institution = "25GP"
        second.category = .high
        let count = PupilCount(rows: CountingRows([second, first]), on: Day(year: 2021, month: 10, day: 1)!, by: .category)
        #expect(count.total == 1)
        #expect(count.groups.map(\.label) == ["L"])
    }
}
