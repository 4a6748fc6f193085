/// How long the ledger keeps a pupil's identity after the pupil's last registration ended
/// (`Schemas/rules/retention.json`), with its source.
public struct RetentionRule: Decodable, Sendable {
    /// Whole years after the last registration's end.
    public var years: Sourced<Int>

    /// A rule of `years` years, with `source` as its source.
    public init(years: Int, source: String = "") {
        self.years = Sourced(years, source: source)
    }

    /// The first day of the period still kept on `day`: the same day `years` earlier (28 February
    /// for a 29 February in a year without one). A pupil whose last registration ended before it
    /// is past the period on `day`.
    public func keptFrom(on day: Day) -> Day {
        let (year, month, dayOfMonth) = day.components
        let target = year - years.value
        return Day(year: target, month: month, day: min(dayOfMonth, Day.daysIn(month: month, year: target))) ?? day
    }
}
