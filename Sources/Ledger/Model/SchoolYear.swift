/// A school year: 1 August to 31 July, written `2021-2022`.
///
/// A Kijkglas 2 / Dashboard SWV 2 release of a school year is DUO's complete statement of the
/// registrations that overlap it, so a day is answered by the releases of its own school year.
public struct SchoolYear: Hashable, Comparable, Sendable {
    /// The calendar year of its 1 August.
    public let firstYear: Int

    /// The school year starting 1 August `firstYear`.
    public init(firstYear: Int) {
        self.firstYear = firstYear
    }

    /// The school year `day` falls in.
    public init(containing day: Day) {
        let (year, month, _) = day.components
        firstYear = month >= 8 ? year : year - 1
    }

    /// Parses the canonical `2021-2022`; nil for any other text.
    public init?(_ text: some StringProtocol) {
        guard let canonical = Self.canonical(text), let first = Int(canonical.prefix(4)) else { return nil }
        firstYear = first
    }

    /// Its days, 1 August – 31 July.
    public var days: ClosedRange<Day> {
        Day(civil: firstYear, 8, 1)...Day(civil: firstYear + 1, 7, 31)
    }

    /// The school year before it.
    public var previous: SchoolYear { SchoolYear(firstYear: firstYear - 1) }

    /// The school year after it.
    public var next: SchoolYear { SchoolYear(firstYear: firstYear + 1) }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.firstYear < rhs.firstYear }

    /// What a school year should look like, for messages.
    public static let expectation = "a school year like 2021-2022"

    /// The canonical `2021-2022` for `2021-2022`, `2021/2022`, `2021 - 2022` or `2021-22`; nil
    /// when the text is none or the years do not follow each other.
    public static func canonical(_ text: some StringProtocol) -> String? {
        let parts = text.split { $0 == "-" || $0 == "/" }.map { $0.trimmingSpaces }
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4 || parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let first = Int(parts[0]), let second = Int(parts[1])
        else { return nil }
        let expected = parts[1].count == 4 ? first + 1 : (first + 1) % 100
        return second == expected ? "\(first)-\(first + 1)" : nil
    }

    /// The school year `day` falls in, as text.
    public static func containing(_ day: Day) -> String { SchoolYear(containing: day).description }
}

extension SchoolYear: CustomStringConvertible {
    /// `2021-2022`.
    public var description: String { "\(firstYear)-\(firstYear + 1)" }
}
