/// The rate tables at hand, by funding year, each read in the version known on one day: what
/// a funding trend prices its points with.
public struct RateTables: Sendable {
    /// The tables, by funding year; a year missing here has no rates.
    public let tables: [FundingYear: RateTable]
    /// The day of knowledge that picks each table's version; nil for the latest.
    public let knownAt: Day?

    /// `tables`, read as known at `knownAt`.
    public init(_ tables: [FundingYear: RateTable] = [:], knownAt: Day? = nil) {
        self.tables = tables
        self.knownAt = knownAt
    }
}
