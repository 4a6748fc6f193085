import Ledger

/// What `trend` prints or writes: the series as a table, CSV or JSON, and everything the HTML
/// report shows besides (the revisions of the series and the corrections per release).
public struct TrendReport: Sendable {
    /// One release's corrections of the past, for the table of corrections per release.
    public struct ReleaseCorrections: Sendable, Equatable {
        /// The release.
        public let release: Release
        /// The day DUO withdrew it, when that was on or before the report's day of knowledge.
        public let withdrawnOn: Day?
        /// Registration events of its active batch.
        public let events: Int
        /// Corrections of the past among them.
        public let corrections: Int
        /// Whether most of them correct the past.
        public let isCorrectedRelease: Bool
    }

    /// The series.
    public let trend: Trend
    /// What it was computed from.
    public let context: ProjectionContext
    /// The total of the series as known at each publication and withdrawal; nil when not asked.
    public let revisions: Revisions?
    /// The releases published by the day of knowledge, with their corrections.
    public let corrections: [ReleaseCorrections]

    /// A report of `trend`; `releases` and `lifecycles` give the corrections per release, limited
    /// to the releases published by `context.knownAt`.
    public init(
        _ trend: Trend, context: ProjectionContext, revisions: Revisions? = nil, releases: [Release] = [],
        lifecycles: [ReleaseID: ReleaseLifecycle] = [:]
    ) {
        self.trend = trend
        self.context = context
        self.revisions = revisions
        let knownAt = context.knownAt
        corrections = releases.filter { release in knownAt.map { release.publishedOn <= $0 } ?? true }.map { release in
            let lifecycle = lifecycles[release.id] ?? ReleaseLifecycle(currentBase: release.base)
            let withdrawn = lifecycle.withdrawn.map(\.on).flatMap { day in knownAt.map { day <= $0 } ?? true ? day : nil }
            return ReleaseCorrections(
                release: release, withdrawnOn: withdrawn,
                events: lifecycle.tally.total, corrections: lifecycle.tally.corrections,
                isCorrectedRelease: lifecycle.tally.total > 0 && lifecycle.tally.isMostlyCorrections)
        }
    }

    /// `pupils` for a count, `pupils since 1 October` for growth.
    public var unit: String {
        switch trend.metric {
        case .count: "pupils"
        case .growth: "pupils since the reference day"
        }
    }

    /// The table: a context line, then one row per day with the total and each category.
    public var text: String {
        let header = ["day", trend.metric.rawValue] + trend.groupLabels
        let rows = trend.points.map { point in
            [point.day.iso, point.total.map(String.init) ?? "-"]
                + trend.groupLabels.map { label in point.total == nil ? "-" : String(point.groups[label] ?? 0) }
        }
        let title = "Trend of \(trend.metric.rawValue) (\(unit)); \(context.line)"
        return title + "\n" + TextTable(header: header, rows: rows, rightAligned: Set(1..<header.count)).render()
    }

    /// `day;count;L;M;H` then one line per day; an uncovered day has empty cells.
    public var csv: String {
        let header = ["day", trend.metric.rawValue] + trend.groupLabels
        let rows = trend.points.map { point in
            [point.day.iso, point.total.map(String.init) ?? ""]
                + trend.groupLabels.map { label in point.total == nil ? "" : String(point.groups[label] ?? 0) }
        }
        return ([header] + rows).map { $0.map(CSVField.quote).joined(separator: ";") }.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/trend.schema.json`.
    public var json: String {
        ProjectionJSON.encode(TrendJSON(self))
    }
}

/// The JSON form of a trend.
struct TrendJSON: Encodable {
    struct Point: Encodable {
        var on: String
        var value: Int?
        var groups: [String: Int]?
    }

    var metric: String
    var unit: String
    var knownAt: String?
    var swv: String?
    var releases: [String]
    var groups: [String]
    var points: [Point]

    init(_ report: TrendReport) {
        metric = report.trend.metric.rawValue
        unit = report.unit
        knownAt = report.context.knownAt?.iso
        swv = report.context.swv
        releases = report.context.releases
        groups = report.trend.groupLabels
        points = report.trend.points.map { point in
            Point(
                on: point.day.iso, value: point.total,
                groups: report.trend.groupLabels.isEmpty || point.total == nil
                    ? nil : Dictionary(uniqueKeysWithValues: report.trend.groupLabels.map { ($0, point.groups[$0] ?? 0) }))
        }
    }
}
