/// The revision triangle: a metric's value for one or more valid days as known at each day
/// the ledger's knowledge changed, and the revision since the previous such day.
public struct Revisions: Sendable {
    /// The values as known on one knowledge point.
    public struct Row: Sendable, Equatable {
        /// The knowledge point: the day and the releases published or withdrawn on it.
        public let point: LoadedReleases.KnowledgePoint
        /// The value for each valid day; nil while no answering release covered it.
        public let values: [Int?]
        /// The change since the previous row for each valid day; nil for the first value.
        public let revisions: [Int?]
    }

    /// The valid days, the triangle's columns.
    public let days: [Day]
    /// One row per knowledge point, in order.
    public let rows: [Row]

    /// The triangle of `value` over `days` at each of `points`; `value` answers nil when its
    /// state does not cover the day.
    public init(
        days: [Day], points: [LoadedReleases.KnowledgePoint], value: (KnownState, Day) throws -> Int?,
        state: (Day) throws -> KnownState
    ) rethrows {
        self.days = days
        var previous: [Int?] = days.map { _ in nil }
        var rows: [Row] = []
        for point in points {
            let known = try state(point.day)
            let values = try days.map { try value(known, $0) }
            let revisions = zip(values, previous).map { now, before in before.flatMap { old in now.map { $0 - old } } }
            rows.append(Row(point: point, values: values, revisions: revisions))
            previous = zip(values, previous).map { $0 ?? $1 }
        }
        self.rows = rows
    }
}
