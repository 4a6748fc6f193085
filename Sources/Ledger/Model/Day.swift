/// A calendar day without time or time zone: the unit of valid time and transaction time.
///
/// Stored as days since 1970-01-01 (proleptic Gregorian), so comparison and arithmetic are
/// integer operations and no `Date` with a time of day or zone can leak into the domain.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int32

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day with this year, month and day of month, or nil when no such day exists
    /// (31-02-2021, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(civil: year, month, day)
    }

    /// The day with this year, month and day of month, which the caller knows to exist.
    package init(civil year: Int, _ month: Int, _ day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.daysSinceEpoch = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        Day(daysSinceEpoch: daysSinceEpoch + Int32(count))
    }

    /// Parses the canonical form `jjjj-mm-dd`; nil when malformed or not a real day.
    public init?(iso text: some StringProtocol) {
        var digits: [Int] = []
        digits.reserveCapacity(8)
        var index = 0
        for byte in text.utf8 {
            switch (index, byte) {
            case (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")): break
            case (0...3, 48...57), (5...6, 48...57), (8...9, 48...57): digits.append(Int(byte - 48))
            default: return nil
            }
            index += 1
        }
        guard index == 10 else { return nil }
        self.init(
            year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
            month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    /// The canonical form `jjjj-mm-dd`, used in storage-independent output (JSON, CSV).
    public var iso: String {
        let (y, m, d) = components
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    /// DUO's form `dd-mm-jjjj`, used in Dutch text output.
    public var dutch: String {
        let (y, m, d) = components
        return "\(Day.pad(d, 2))-\(Day.pad(m, 2))-\(Day.pad(y, 4))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// Number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}

extension Day {
    /// A day after every real date: stands for an open end in comparisons.
    public static let distantFuture = Day(daysSinceEpoch: Int32.max - 1)
}
