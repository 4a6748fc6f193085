/// A day that recurs every year, such as the teldatum 1 October, optionally a number of years
/// before or after the year it is taken in.
public struct AnnualDay: Decodable, Sendable, Equatable {
    /// Month 1–12.
    public var month: Int
    /// Day of the month.
    public var day: Int
    /// Years to add to the year it is taken in (−1: the previous year).
    public var yearOffset: Int

    /// An annual day from its parts.
    public init(month: Int, day: Int, yearOffset: Int = 0) {
        self.month = month
        self.day = day
        self.yearOffset = yearOffset
    }

    /// Decodes `{ "month": 10, "day": 1, "yearOffset": -1 }`; the offset defaults to 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        month = try container.decode(Int.self, forKey: .month)
        day = try container.decode(Int.self, forKey: .day)
        yearOffset = try container.decodeIfPresent(Int.self, forKey: .yearOffset) ?? 0
        guard Day(year: 2000, month: month, day: day) != nil else {
            throw Swift.DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.day], debugDescription: "no day \(day) in month \(month)"))
        }
    }

    private enum CodingKeys: String, CodingKey { case month, day, yearOffset }

    /// The day in `year` plus the offset; nil for 29 February in a common year.
    public func day(in year: Int) -> Day? {
        Day(year: year + yearOffset, month: month, day: day)
    }

    /// Whether `date` falls on this month and day.
    public func matches(_ date: Day) -> Bool {
        let parts = date.components
        return parts.month == month && parts.day == day
    }

    /// The last day with this month and day strictly before `date` (offset ignored).
    public func latest(before date: Day) -> Day? {
        let year = date.components.year
        for candidate in [year, year - 1, year - 2] {
            if let found = Day(year: candidate, month: month, day: day), found < date { return found }
        }
        return nil
    }
}

extension AnnualDay: CustomStringConvertible {
    /// `1 October` style: `01-10`.
    public var description: String {
        (day < 10 ? "0" : "") + "\(day)-" + (month < 10 ? "0" : "") + "\(month)"
    }
}
