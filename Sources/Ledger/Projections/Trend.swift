/// A projection followed over valid time: its value on a series of days (the first of each
/// month, or each teldatum and peildatum), in total and broken down, all as known on one day.
public struct Trend: Sendable {
    /// What is followed.
    public enum Metric: String, Sendable, CaseIterable {
        /// Pupils counted on the day by the counting rules.
        case count
        /// Pupils counted on the day minus those counted on the reference day (1 October) on
        /// or before it: on a peildatum, the growth of the growth regulation.
        case growth
        /// The deduction from the paying SWV's budget, in cents, for the funding year in force
        /// on the day: that year's `Funding`, counted on its teldatum (and growth days).
        case funding

        /// The breakdowns that make sense for the metric: for count and growth every pupil
        /// breakdown but `funded` (the counting rules count funded pupils only); for funding the
        /// category and the school type of its rate lines (the growth transfer is per rate band
        /// and category, so it has no school or pupil to be split by).
        public var breakdowns: [PupilCount.Breakdown] {
            switch self {
            case .count, .growth: PupilCount.Breakdown.allCases.filter { $0 != .funded }
            case .funding: [.category, .schooltype]
            }
        }
    }

    /// Which days make up the series.
    public enum Spacing: String, Sendable, CaseIterable {
        /// The first of every month.
        case month
        /// Every reference day and peildatum of the growth regulation (1 October, 1 February).
        case teldatum
    }

    /// Why a point has no value.
    public enum Missing: Sendable, Equatable {
        /// No answering release covers a day the value is counted on.
        case data
        /// No funding regime covers the day.
        case noRegime
        /// The funding year has no rate table in `Schemas/rates/`.
        case noRateTable(FundingYear)
        /// The funding year's rates were first published after the day of knowledge.
        case ratesNotYetPublished(FundingYear, firstPublished: Day)
    }

    /// The value on one day.
    public struct Point: Sendable, Equatable {
        /// The valid day.
        public let day: Day
        /// Pupils, or for funding cents; nil when `missing` says why there is none.
        public let total: Int?
        /// The value per group label (`L`, `M`, `H`, `-` for none; `SO`, `VSO`; …); empty
        /// without a breakdown.
        public let groups: [String: Int]
        /// Why there is no value; nil when there is one.
        public let missing: Missing?
        /// The valid days the value is counted on: the day; for growth also its reference day;
        /// for funding the funding year's teldatum and growth days.
        public let countedOn: [Day]
        /// For funding: the funding year in force on the day.
        public let fundingYear: FundingYear?
        /// For funding: pupils charged on lines without a rate (no category, or a cell the table
        /// lacks), which the total leaves out.
        public let unpriced: Int

        fileprivate init(
            day: Day, total: Int?, groups: [String: Int] = [:], missing: Missing? = nil, countedOn: [Day],
            fundingYear: FundingYear? = nil, unpriced: Int = 0
        ) {
            self.day = day
            self.total = total
            self.groups = groups
            self.missing = missing
            self.countedOn = countedOn
            self.fundingYear = fundingYear
            self.unpriced = unpriced
        }
    }

    /// The metric.
    public let metric: Metric
    /// The breakdown; nil without one.
    public let breakdown: PupilCount.Breakdown?
    /// One point per day of the series, in order.
    public let points: [Point]
    /// The group labels that occur, in their natural order (L, M, H, `-`; SO, VSO; others
    /// sorted, `-` last); empty without a breakdown.
    public let groupLabels: [String]
    /// For funding: the rate table version each priced funding year used.
    public let rateVersions: [FundingYear: RateTable.Version]

    /// The days from `from` to `to` (both included) spaced by `spacing`; `growth` gives the
    /// teldatum and peildatum days.
    public static func days(from: Day, to: Day, every spacing: Spacing, growth: FundingRules.GrowthDays) -> [Day] {
        guard from <= to else { return [] }
        let (firstYear, lastYear) = (from.components.year, to.components.year)
        var days: [Day] = []
        for year in firstYear...lastYear {
            switch spacing {
            case .month: days += (1...12).compactMap { Day(year: year, month: $0, day: 1) }
            case .teldatum:
                days += [growth.peildatum, growth.reference].compactMap { Day(year: year, month: $0.month, day: $0.day) }
            }
        }
        return days.filter { from <= $0 && $0 <= to }.sorted()
    }

    /// The trend of `metric` over `days` from the pupils of `state` selected by `rules` and
    /// charged to `swv` when given (for funding: the SWV whose budget pays), broken down by
    /// `breakdown` when the metric supports it. `funding` gives the growth days and the
    /// funding regimes; `rates` prices funding.
    public init(
        metric: Metric, days: [Day], state: KnownState, rules: CountingRules, swv: String?, by breakdown: PupilCount.Breakdown?,
        funding: FundingRules, rates: RateTables = RateTables()
    ) {
        let breakdown = breakdown.flatMap { metric.breakdowns.contains($0) ? $0 : nil }
        self.metric = metric
        self.breakdown = breakdown
        var cache: [Day: CountedPupils] = [:]
        func counted(_ day: Day) -> CountedPupils? {
            if let known = cache[day] { return known }
            let counted = state.counted(on: day, selection: .rules(rules), payingSwv: swv)
            cache[day] = counted
            return counted
        }
        func groups(_ counted: CountedPupils) -> [String: Int] {
            guard let breakdown else { return [:] }
            return counted.tally(by: breakdown.label)
        }
        var priced: [FundingYear: Point] = [:]
        var used: [FundingYear: RateTable.Version] = [:]
        /// The funding of `year`, as a point on its teldatum.
        func price(_ year: FundingYear, _ regime: FundingRegime) -> Point? {
            guard let days = FundingDays(year: year, regime: regime, growth: funding.growth) else { return nil }
            func missing(_ reason: Missing) -> Point {
                Point(day: days.teldatum, total: nil, missing: reason, countedOn: days.all, fundingYear: year)
            }
            guard days.all.allSatisfy(state.covers) else { return missing(.data) }
            guard let table = rates.tables[year], let first = table.versions.map(\.published).min() else {
                return missing(.noRateTable(year))
            }
            guard let version = table.version(knownAt: rates.knownAt) else {
                return missing(.ratesNotYetPublished(year, firstPublished: first))
            }
            guard let result = Funding(year: year, regime: regime, days: days, rates: version, state: state, rules: rules, payingSwv: swv)
            else { return missing(.data) }
            used[year] = version
            var amounts: [String: Int] = [:]
            if let breakdown {
                for line in result.lines + result.growthLines {
                    guard let amount = line.amount else { continue }
                    let label = breakdown == .schooltype ? line.band.schoolType.rawValue : line.category?.rawValue ?? "-"
                    amounts[label, default: 0] += amount.cents
                }
            }
            return Point(
                day: days.teldatum, total: result.total.cents, groups: amounts, countedOn: days.all, fundingYear: year,
                unpriced: result.unpriced)
        }
        points = days.map { day in
            switch metric {
            case .count:
                guard let now = counted(day) else { return Point(day: day, total: nil, missing: .data, countedOn: [day]) }
                return Point(day: day, total: now.count, groups: groups(now), countedOn: [day])
            case .growth:
                let reference = Self.growthReference(day, funding.growth)
                let countedOn = reference.map { $0 == day ? [day] : [$0, day] } ?? [day]
                guard let reference, let before = counted(reference), let now = counted(day) else {
                    return Point(day: day, total: nil, missing: .data, countedOn: countedOn)
                }
                let (was, grew) = (groups(before), groups(now))
                let delta = Dictionary(uniqueKeysWithValues: Set(was.keys).union(grew.keys).map { ($0, (grew[$0] ?? 0) - (was[$0] ?? 0)) })
                return Point(day: day, total: now.count - before.count, groups: delta, countedOn: countedOn)
            case .funding:
                guard let year = funding.fundingYear(on: day), let regime = funding.regime(for: year),
                    let point = priced[year] ?? price(year, regime)
                else { return Point(day: day, total: nil, missing: .noRegime, countedOn: []) }
                priced[year] = point
                return Point(
                    day: day, total: point.total, groups: point.groups, missing: point.missing, countedOn: point.countedOn,
                    fundingYear: year, unpriced: point.unpriced)
            }
        }
        rateVersions = used
        let present = Set(points.flatMap(\.groups.keys))
        switch breakdown {
        case .category?: groupLabels = (FundingCategory.allCases.map(\.rawValue) + ["-"]).filter(present.contains)
        case .schooltype?: groupLabels = SchoolType.allCases.map(\.rawValue).filter(present.contains)
        default: groupLabels = present.filter { $0 != "-" }.sorted() + (present.contains("-") ? ["-"] : [])
        }
    }

    /// Every valid day a series of `metric` over `days` counts on: the days, for growth their
    /// reference days, for funding the teldatum and growth days of each funding year in force:
    /// the days the state it is computed from must cover.
    public static func countedOn(metric: Metric, days: [Day], funding: FundingRules) -> [Day] {
        let counted = days.flatMap { day -> [Day] in
            switch metric {
            case .count: return [day]
            case .growth: return [day] + [growthReference(day, funding.growth)].compactMap { $0 }
            case .funding:
                guard let year = funding.fundingYear(on: day), let regime = funding.regime(for: year),
                    let fundingDays = FundingDays(year: year, regime: regime, growth: funding.growth)
                else { return [] }
                return fundingDays.all
            }
        }
        return Set(counted).sorted()
    }

    /// The points with a value.
    public var coveredPoints: [Point] { points.filter { $0.total != nil } }

    /// The reference day (1 October) a growth on `day` is taken from: the day itself when it
    /// is one, else the last one before it.
    private static func growthReference(_ day: Day, _ growth: FundingRules.GrowthDays) -> Day? {
        growth.reference.matches(day) ? day : growth.reference.latest(before: day)
    }
}
