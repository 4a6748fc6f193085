/// A funding year: a school year (`2015-2016`, until 2022-2023) or a calendar year (`2023`).
public enum FundingYear: Hashable, Sendable {
    /// The school year starting 1 August of this year.
    case schoolYear(Int)
    /// The calendar year.
    case calendarYear(Int)

    /// Parses `2015-2016` (consecutive years) or `2023`.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 1, parts[0].count == 4, let year = Int(parts[0]) {
            self = .calendarYear(year)
        } else if parts.count == 2, parts[0].count == 4, parts[1].count == 4, let first = Int(parts[0]),
            let second = Int(parts[1]), second == first + 1
        {
            self = .schoolYear(first)
        } else {
            return nil
        }
    }

    /// The first calendar year it touches: the base of a regime's year offsets.
    public var baseYear: Int {
        switch self {
        case .schoolYear(let year), .calendarYear(let year): year
        }
    }

    /// Whether it is a school year or a calendar year.
    public var kind: FundingRegime.YearKind {
        switch self {
        case .schoolYear: .schoolYear
        case .calendarYear: .calendarYear
        }
    }

    /// The name of its rate table file in `Schemas/rates/`.
    public var rateFileName: String { "\(self).json" }
}

extension FundingYear: CustomStringConvertible {
    /// `2015-2016` or `2023`.
    public var description: String {
        switch self {
        case .schoolYear(let year): "\(year)-\(year + 1)"
        case .calendarYear(let year): "\(year)"
        }
    }
}
