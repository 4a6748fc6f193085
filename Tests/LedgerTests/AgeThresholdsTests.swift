import Ledger
import SampleData
import Testing
import TestSupport

/// The coarse birth date a ledger stores gives every age band the exact one gives.
@Suite("Coarse birth dates")
struct AgeThresholdsTests {
    /// Every teldatum of every regime with an age split: the days `FundingRegime.band` is asked.
    static func ruleDays(_ rules: FundingRules) -> [(FundingRegime, Day)] {
        rules.regimes.filter { $0.ageSplit != nil }.flatMap { regime in
            (regime.firstYear...(regime.lastYear ?? regime.firstYear + 30)).compactMap { year in
                regime.teldatum.day(in: year).map { (regime, $0) }
            }
        }
    }

    /// An SO row born on `birth`.
    static func row(born birth: Day?) -> CountingRow {
        var registration = Registration(
            pgn: PGN(storedValue: PGN.pupilNumberBase + 1), institution: "25GP", branch: "00", schoolType: .so,
            enrolledFrom: Day.literal(2015, 8, 1), periodStart: Day.literal(2015, 8, 1), funded: true)
        registration.birthDate = birth
        return CountingRow(registration)
    }

    @Test("for random birth dates, on every teldatum of the rules the coarse date gives the band the exact one gives")
    func bandsAgree() throws {
        let rules = try ShippedSchemas.fundingRules()
        let thresholds = AgeThresholds(rules: rules)
        let days = Self.ruleDays(rules)
        #expect(!days.isEmpty)
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        let first = Day.literal(1990, 1, 1).daysSinceEpoch
        let last = Day.literal(2025, 12, 31).daysSinceEpoch
        var coarse: Set<Day> = []
        for _ in 0..<5_000 {
            let birth = Day(daysSinceEpoch: Int32.random(in: first...last, using: &random))
            let stored = try #require(thresholds.coarsened(birth))
            coarse.insert(stored)
            for (regime, day) in days {
                #expect(
                    regime.band(of: Self.row(born: stored), on: day) == regime.band(of: Self.row(born: birth), on: day),
                    "seed \(seed): born \(birth.iso), stored \(stored.iso), teldatum \(day.iso)")
            }
        }
        #expect(coarse.count <= days.count + 1, "at most one coarse date per threshold, and one after the last")
    }

    @Test("the coarse date is the first threshold on or after the birth date, the day after the last one beyond them, nil without one")
    func coarseDates() throws {
        let thresholds = AgeThresholds(rules: try ShippedSchemas.fundingRules())
        // Teldatum 1 October of the year before each school year 2014-2015 … 2022-2023, age 8.
        #expect(thresholds.coarsened(Day.literal(2009, 5, 17)) == Day.literal(2009, 10, 1))
        #expect(thresholds.coarsened(Day.literal(2009, 10, 1)) == Day.literal(2009, 10, 1))
        #expect(thresholds.coarsened(Day.literal(2009, 10, 2)) == Day.literal(2010, 10, 1))
        #expect(thresholds.coarsened(Day.literal(1990, 1, 1)) == Day.literal(2005, 10, 1))
        #expect(thresholds.coarsened(Day.literal(2020, 3, 3)) == Day.literal(2013, 10, 2))
        #expect(thresholds.coarsened(nil) == nil)
    }
}
