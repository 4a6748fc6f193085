/// The birth dates the funding rules tell apart, and the coarse birth date a ledger stores in a
/// row instead of the exact one.
///
/// The rules look at a birth date only for the so age split (`FundingRegime.band(of:on:)`): a
/// pupil is in the older band on a regime's teldatum when born on or before that day `age` years
/// earlier, its *threshold*. The coarse birth date is the first threshold on or after the exact
/// one (or the day after the last threshold, when none is): on every threshold, so on every
/// teldatum of every regime, it lies on the same side as the exact date, and every age band comes
/// out the same. The exact birth date is kept only in the ledger's encrypted pupil vault.
public struct AgeThresholds: Sendable, Equatable {
    /// The thresholds of one regime with an age split: its teldatum's month and day, in the years
    /// `firstYear` through `lastYear` (nil: every year from `firstYear` on).
    struct Series: Sendable, Equatable {
        var month: Int
        var day: Int
        var firstYear: Int
        var lastYear: Int?

        /// The threshold in `year`; 29 February in a common year is the 28th, as
        /// `FundingRegime.age(born:on:)` compares month and day.
        func threshold(in year: Int) -> Day {
            Day(civil: year, month, min(day, Day.daysIn(month: month, year: year)))
        }
    }

    /// One series per regime with an age split.
    let series: [Series]

    /// The thresholds of the age splits of `rules`' regimes.
    public init(rules: FundingRules) {
        series = rules.regimes.compactMap { regime in
            guard let split = regime.ageSplit else { return nil }
            let shift = regime.teldatum.yearOffset - split.age
            return Series(
                month: regime.teldatum.month, day: regime.teldatum.day, firstYear: regime.firstYear + shift,
                lastYear: regime.lastYear.map { $0 + shift })
        }
    }

    /// The birth date to store for `birth`: the first threshold on or after it, or the day after
    /// the last threshold when none is; nil without a birth date, and when no regime splits by
    /// age (no rule then reads it).
    public func coarsened(_ birth: Day?) -> Day? {
        guard let birth else { return nil }
        var first: Day?
        var last: Day?
        for series in series {
            var year = max(birth.components.year, series.firstYear)
            if series.threshold(in: year) < birth { year += 1 }
            if let lastYear = series.lastYear, year > lastYear {
                let end = series.threshold(in: lastYear)
                last = last.map { max($0, end) } ?? end
            } else {
                let found = series.threshold(in: year)
                first = first.map { min($0, found) } ?? found
            }
        }
        return first ?? last?.adding(days: 1)
    }
}
