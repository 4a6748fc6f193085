/// The valid days a funding year's deduction is counted on: the regime's teldatum and, where
/// the regime transfers growth, the reference day and peildatum of that growth.
public struct FundingDays: Sendable, Equatable {
    /// The day pupils are counted for the year.
    public let teldatum: Day
    /// The reference day (1 October) of the growth transferred; nil when the regime has none.
    public let growthReference: Day?
    /// The peildatum (1 February) of the growth transferred; nil when the regime has none.
    public let growthPeildatum: Day?

    /// The days of `year` under `regime`, with the growth regulation's `growth` days; nil when
    /// the regime's teldatum does not exist in that year (29 February).
    public init?(year: FundingYear, regime: FundingRegime, growth: FundingRules.GrowthDays) {
        guard let teldatum = regime.teldatum.day(in: year.baseYear) else { return nil }
        self.teldatum = teldatum
        let peildatum = regime.growthTransfer.flatMap { growth.peildatum.day(in: year.baseYear + $0.peildatumYearOffset) }
        let reference = peildatum.flatMap(growth.referenceDay(for:))
        growthPeildatum = reference == nil ? nil : peildatum
        growthReference = reference
    }

    /// The distinct days: the teldatum, then the growth's reference day (unless it is the
    /// teldatum, as 1 October is in the school-year regime) and peildatum.
    public var all: [Day] {
        [teldatum] + [growthReference, growthPeildatum].compactMap { $0 }.filter { $0 != teldatum }
    }
}
