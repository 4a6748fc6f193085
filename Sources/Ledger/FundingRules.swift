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
}
