/// DUO's funding regimes and the days of the growth regulation, loaded from
/// `Schemas/rules/funding.json`.
public struct FundingRules: Decodable, Sendable {
    /// The days of the growth regulation: a peildatum and the reference day before it.
    public struct GrowthDays: Decodable, Sendable {
        /// The peildatum (1 February).
        public var peildatum: AnnualDay
        /// The reference day: the last one before the peildatum (1 October).
        public var reference: AnnualDay
        /// Where the rule comes from.
        public var source: String

        /// The reference day for `peildatum`: the last reference day before it; nil when
        /// `peildatum` is not a peildatum.
        public func referenceDay(for peildatum: Day) -> Day? {
            guard self.peildatum.matches(peildatum) else { return nil }
            return reference.latest(before: peildatum)
        }
    }

    /// The growth regulation's days.
    public var growth: GrowthDays
    /// The regimes, oldest first.
    public var regimes: [FundingRegime]

    /// The regime that applies to `year`, if any.
    public func regime(for year: FundingYear) -> FundingRegime? {
        regimes.first { $0.covers(year) }
    }

    /// The funding year in force on `day`: the year containing it of the newest regime that
    /// covers such a year, so from 1 January 2023 calendar year 2023, not school year
    /// 2022-2023 (a school year runs from 1 August); nil before the first regime.
    public func fundingYear(on day: Day) -> FundingYear? {
        let (year, month, _) = day.components
        for regime in regimes.reversed() {
            let candidate = FundingYear(kind: regime.yearKind, base: regime.yearKind == .schoolYear && month < 8 ? year - 1 : year)
            if regime.covers(candidate) { return candidate }
        }
        return nil
    }
}
