/// A projection followed over valid time: its value on a series of days (the first of each
/// month, or each teldatum and peildatum), in total and per bekostigingscategorie, all as known
/// on one day.
public struct Trend: Sendable {
    /// What is followed.
    public enum Metric: String, Sendable, CaseIterable {
        /// Pupils counted on the day by the counting rules.
        case count
        /// Pupils counted on the day minus those counted on the reference day (1 October) on
        /// or before it: on a peildatum, the growth of the growth regulation.
        case growth
    }

    /// Which days make up the series.
    public enum Spacing: String, Sendable, CaseIterable {
        /// The first of every month.
        case month
        /// Every reference day and peildatum of the growth regulation (1 October, 1 February).
        case teldatum
    }

    /// The value on one day.
    public struct Point: Sendable, Equatable {
        /// The valid day.
        public let day: Day
        /// The total; nil when no answering release covers the day (or its reference day).
        public let total: Int?
        /// The value per category label (`L`, `M`, `H`, `-` for none); empty without a breakdown.
        public let groups: [String: Int]
    }

    /// The metric.
    public let metric: Metric
    /// One point per day of the series, in order.
    public let points: [Point]
    /// The category labels that occur, L, M, H, then `-`; empty without a breakdown.
    public let groupLabels: [String]

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

    /// The trend of `metric` over `days` from the pupils of `state` selected by `rules` (and
    /// charged to `swv` when given), broken down by category when `byCategory`.
    public init(
        metric: Metric, days: [Day], state: KnownState, rules: CountingRules, swv: String?, byCategory: Bool,
        growth: FundingRules.GrowthDays
    ) {
        self.metric = metric
        var cache: [Day: CountedPupils] = [:]
        func counted(_ day: Day) -> CountedPupils? {
            guard state.covers(day) else { return nil }
            if let known = cache[day] { return known }
            let counted = CountedPupils(rows: state.rows, on: day, selection: .rules(rules), payingSwv: swv)
            cache[day] = counted
            return counted
        }
        func groups(_ counted: CountedPupils) -> [String: Int] {
            guard byCategory else { return [:] }
            return Dictionary(grouping: counted.pupils.values, by: PupilCount.Breakdown.category.label).mapValues(\.count)
        }
        points = days.map { day in
            guard let now = counted(day) else { return Point(day: day, total: nil, groups: [:]) }
            switch metric {
            case .count:
                return Point(day: day, total: now.count, groups: groups(now))
            case .growth:
                let reference = growth.reference.matches(day) ? day : growth.reference.latest(before: day)
                guard let reference, let before = counted(reference) else { return Point(day: day, total: nil, groups: [:]) }
                let (was, grew) = (groups(before), groups(now))
                let delta = Dictionary(uniqueKeysWithValues: Set(was.keys).union(grew.keys).map { ($0, (grew[$0] ?? 0) - (was[$0] ?? 0)) })
                return Point(day: day, total: now.count - before.count, groups: delta)
            }
        }
        let order = FundingCategory.allCases.map(\.rawValue) + ["-"]
        let present = Set(points.flatMap(\.groups.keys))
        groupLabels = order.filter(present.contains)
    }

    /// The points with a value.
    public var coveredPoints: [Point] { points.filter { $0.total != nil } }
}
