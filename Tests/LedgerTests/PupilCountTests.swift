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
            let count = PupilCount(rows: CountingRowPool(rows), on: day, by: .category)
            #expect(count.total == pupils.count, "seed \(seed)")
            #expect(count.groups.map(\.count).reduce(0, +) == pupils.count, "seed \(seed)")
        }
    }

    @Test("counted pupils come in PGN order; looking one up and pairing two days agree with the pupils themselves")
    func lookUpAndPair() {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        for _ in 0..<50 {
            let rows = CountingRowPool(generator.rows(count: 80))
            let (a, b) = (CountedPupils(rows: rows, on: generator.day(), selection: .everyValidRow),
                          CountedPupils(rows: rows, on: generator.day(), selection: .everyValidRow))
            #expect(zip(a.pupils, a.pupils.dropFirst()).allSatisfy { $0.pgn < $1.pgn }, "seed \(seed)")
            let (byPGNa, byPGNb) = (Dictionary(uniqueKeysWithValues: a.pupils.map { ($0.pgn, $0) }),
                                    Dictionary(uniqueKeysWithValues: b.pupils.map { ($0.pgn, $0) }))
            let everyone = Set(byPGNa.keys).union(byPGNb.keys).sorted()
            let pairs = a.paired(with: b)
            #expect(pairs.map(\.pgn) == everyone, "seed \(seed)")
            #expect(pairs.allSatisfy { $0.here.map { a.pupils[$0] } == byPGNa[$0.pgn] && $0.there.map { b.pupils[$0] } == byPGNb[$0.pgn] }, "seed \(seed)")
            #expect(everyone.allSatisfy { a.pupil($0) == byPGNa[$0] }, "seed \(seed)")
            #expect(a.pupil(PGN(value: 999_999_999)!) == nil)
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
        let count = PupilCount(rows: CountingRowPool([second, first]), on: Day(year: 2021, month: 10, day: 1)!, by: .category)
        #expect(count.total == 1)
        #expect(count.groups.map(\.label) == ["L"])
    }
}
