/// One of DUO's regimes for deducting (v)so ondersteuningsbekostiging from an SWV's budget:
/// which years it covers, its teldatum, its age split and its growth transfer. Data from
/// `Schemas/rules/funding.json`.
public struct FundingRegime: Decodable, Sendable {
    /// Whether a regime's years are school years or calendar years.
    public enum YearKind: String, Decodable, Sendable {
        /// 1 August – 31 July, named `2015-2016`.
        case schoolYear
        /// 1 January – 31 December, named `2023`.
        case calendarYear
    }

    /// The so < 8 / so ≥ 8 split of the school-year regime.
    public struct AgeSplit: Decodable, Sendable {
        /// The school type that is split (SO).
        public var schoolType: String
        /// The age in years from which the older band applies.
        public var age: Int
        /// The band of a pupil without a birth date.
        public var missingBirthDate: RateBand
    }

    /// The transfer of the growth between 1 October and 1 February to the following year.
    public struct GrowthTransfer: Decodable, Sendable {
        /// The growth peildatum's year relative to the funding year's base year.
        public var peildatumYearOffset: Int
    }

    /// Its name (`schooljaar`, `kalenderjaar`).
    public var name: String
    /// School years or calendar years.
    public var yearKind: YearKind
    /// The first year (of a school year: its first calendar year) it applies to.
    public var firstYear: Int
    /// The last year it applies to; nil while it lasts.
    public var lastYear: Int?
    /// The day pupils are counted for a funding year.
    public var teldatum: AnnualDay
    /// The so age split, if the regime has one.
    public var ageSplit: AgeSplit?
    /// The growth transfer, if the regime has one.
    public var growthTransfer: GrowthTransfer?
    /// Where the regime's facts come from.
    public var source: String

    /// Whether the regime applies to `year`.
    public func covers(_ year: FundingYear) -> Bool {
        year.kind == yearKind && firstYear <= year.baseYear && lastYear.map { year.baseYear <= $0 } ?? true
    }

    /// The band whose rate applies to `row` counted on `day`: SO<8 / SO8+ with an age split,
    /// otherwise the school type.
    public func band(of row: CountingRow, on day: Day) -> RateBand {
        guard let split = ageSplit, row.schoolType.rawValue == split.schoolType else {
            return row.schoolType == .so ? .so : .vso
        }
        guard let birth = row.birthDate else { return split.missingBirthDate }
        return Self.age(born: birth, on: day) < split.age ? .soUnder8 : .so8Plus
    }

    /// Whole years between `born` and `day`.
    package static func age(born: Day, on day: Day) -> Int {
        let (by, bm, bd) = born.components
        let (y, m, d) = day.components
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    /// `schooljaar 2014-2015 … 2022-2023` / `kalenderjaar from 2023`.
    public var yearsDescription: String {
        func name(_ year: Int) -> String { FundingYear(kind: yearKind, base: year).description }
        return lastYear.map { "\(name(firstYear)) … \(name($0))" } ?? "\(name(firstYear)) on"
    }
}

extension FundingYear {
    /// The funding year of `kind` starting in `base`.
    package init(kind: FundingRegime.YearKind, base: Int) {
        self = kind == .schoolYear ? .schoolYear(base) : .calendarYear(base)
    }
}
