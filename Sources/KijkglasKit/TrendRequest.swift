import Ledger

/// A count, growth or funding on a series of days, all as known on one day.
public struct TrendRequest: Sendable, Equatable {
    /// The first day of the range.
    public var from: Day
    /// The last day of the range.
    public var to: Day
    /// The days of the range that have a value: the first of each month, or each teldatum.
    public var every: Trend.Spacing
    /// What to follow.
    public var metric: Trend.Metric
    /// The breakdown of the series, if any.
    public var breakdown: PupilCount.Breakdown?
    /// The day of knowledge; nil is today.
    public var knownAt: Day?
    /// Whose releases answer.
    public var swv: AnsweringSWV
    /// Refuse a day answered from the school year before.
    public var ownSchoolYearOnly: Bool
    /// Also follow the series' total through every publication and withdrawal up to the day of
    /// knowledge (what the HTML report charts).
    public var revisionsOfTotal: Bool

    /// The trend of `metric` from `from` to `to`, by default monthly, as known today, of the
    /// ledger's SWV.
    public init(
        from: Day, to: Day, every: Trend.Spacing = .month, metric: Trend.Metric = .count, breakdown: PupilCount.Breakdown? = nil,
        knownAt: Day? = nil, swv: AnsweringSWV = .ledgers, ownSchoolYearOnly: Bool = false, revisionsOfTotal: Bool = false
    ) {
        self.from = from
        self.to = to
        self.every = every
        self.metric = metric
        self.breakdown = breakdown
        self.knownAt = knownAt
        self.swv = swv
        self.ownSchoolYearOnly = ownSchoolYearOnly
        self.revisionsOfTotal = revisionsOfTotal
    }
}
