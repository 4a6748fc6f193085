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

    /// One reason points have no value, with the funding year and days it concerns: what the
    /// notes under the series explain.
    public struct Gap: Sendable, Equatable {
        /// Why.
        public let missing: Trend.Missing
        /// For funding: the funding year.
        public let fundingYear: FundingYear?
        /// The valid days the value would be counted on.
        public let countedOn: [Day]
    }

    /// `pupils` for a count, `pupils since the reference day` for growth, `cents` for funding.
    public var unit: String {
        switch trend.metric {
        case .count: "pupils"
        case .growth: "pupils since the reference day"
        case .funding: "cents"
        }
    }

    /// The distinct reasons the series has points without a value, in order of first
    /// occurrence; for count and growth only uncovered days, which need no explaining.
    public var gaps: [Gap] {
        var gaps: [Gap] = []
        for point in trend.points {
            guard let missing = point.missing else { continue }
            let gap = Gap(missing: missing, fundingYear: point.fundingYear, countedOn: point.countedOn)
            if !gaps.contains(gap) { gaps.append(gap) }
        }
        return trend.metric == .funding ? gaps : []
    }

    /// The table: a context line, then one row per day with the total and each group, then
    /// for funding the rates used and why points have no value.
    public var text: String {
        let funding = trend.metric == .funding
        let header = ["day"] + (funding ? ["funding year"] : []) + [trend.metric.rawValue] + trend.groupLabels
        let rows = trend.points.map { point in
            [point.day.iso] + (funding ? [point.fundingYear?.description ?? "-"] : [])
                + [point.total.map(textValue) ?? (funding ? Self.shortReason(point.missing) : "-")]
                + trend.groupLabels.map { label in point.total == nil ? "-" : textValue(point.groups[label] ?? 0) }
        }
        let what = funding ? "euro deducted from the SWV budget for the funding year in force on each day" : unit
        var lines = [
            "Trend of \(trend.metric.rawValue) (\(what)); \(context.line)",
        ] + context.notes + [
            TextTable(header: header, rows: rows, rightAligned: Set((funding ? 2 : 1)..<header.count)).render(),
        ]
        for (year, version) in rateVersions {
            lines.append("rates \(year): published \(version.published.iso), \(version.source) (parts: \(version.parts.joined(separator: ", ")))")
        }
        lines += gaps.map { "\(Self.shortReason($0.missing)): \(Self.explanation($0))" }
        lines += unpriced.map { year, pupils in
            "not priced: \(pupils) pupil(s) of funding \(year) without a category or a rate (see kijkglas funding --year \(year))"
        }
        return lines.joined(separator: "\n")
    }

    /// `day;count;L;M;H` then one line per day; an uncovered day has empty cells. Funding adds
    /// the funding year and a note, and gives euros with a decimal comma (`9059,77`).
    public var csv: String {
        let funding = trend.metric == .funding
        let header = ["day"] + (funding ? ["funding year"] : []) + [trend.metric.rawValue] + trend.groupLabels + (funding ? ["note"] : [])
        let rows = trend.points.map { point in
            [point.day.iso] + (funding ? [point.fundingYear?.description ?? ""] : []) + [point.total.map(csvValue) ?? ""]
                + trend.groupLabels.map { label in point.total == nil ? "" : csvValue(point.groups[label] ?? 0) }
                + (funding ? [note(point)] : [])
        }
        return ([header] + rows).map { $0.map(CSVField.quote).joined(separator: ";") }.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/trend.schema.json`.
    public var json: String {
        ProjectionJSON.encode(TrendJSON(self))
    }

    /// The rate table versions the series priced with, by funding year in order.
    public var rateVersions: [(year: FundingYear, version: RateTable.Version)] {
        trend.rateVersions.sorted { $0.key.baseYear < $1.key.baseYear }.map { ($0.key, $0.value) }
    }

    /// Pupils left unpriced per funding year, for the years that have any.
    public var unpriced: [(year: FundingYear, pupils: Int)] {
        var seen: [FundingYear: Int] = [:]
        for point in trend.points where point.unpriced > 0 {
            if let year = point.fundingYear { seen[year] = point.unpriced }
        }
        return seen.sorted { $0.key.baseYear < $1.key.baseYear }.map { ($0.key, $0.value) }
    }

    /// Why `gap`'s points have no value, and what to do about it.
    public static func explanation(_ gap: Gap) -> String {
        switch gap.missing {
        case .data:
            let days = gap.countedOn.map(\.iso).joined(separator: ", ")
            return "funding \(gap.fundingYear?.description ?? "") counts on \(days), which no answering release covers"
        case .noRegime:
            return "no funding regime in Schemas/rules/funding.json covers the day"
        case .noRateTable(let year):
            return "no rate table for \(year): add Schemas/rates/\(year.rateFileName) (see Schemas/rates/README.md)"
        case .ratesNotYetPublished(let year, let first):
            return "the rates for \(year) were first published on \(first.iso), after the day of knowledge"
        }
    }

    /// A value in the text table: pupils, or euros in Dutch notation.
    private func textValue(_ value: Int) -> String {
        trend.metric == .funding ? DutchFormat.euro(Money(cents: value)) : String(value)
    }

    private func csvValue(_ value: Int) -> String {
        trend.metric == .funding ? DutchFormat.decimal(Money(cents: value)) : String(value)
    }

    /// The CSV note of a point without a value.
    private func note(_ point: Trend.Point) -> String {
        guard let missing = point.missing else { return "" }
        let gap = Gap(missing: missing, fundingYear: point.fundingYear, countedOn: point.countedOn)
        return "\(Self.shortReason(missing)): \(Self.explanation(gap))"
    }

    /// The funding cell of a point without a value: `no data`, `no rates`, `no rates yet`, `no regime`.
    static func shortReason(_ missing: Trend.Missing?) -> String {
        switch missing {
        case nil: ""
        case .data?: "no data"
        case .noRegime?: "no regime"
        case .noRateTable?: "no rates"
        case .ratesNotYetPublished?: "no rates yet"
        }
    }
}

/// The JSON form of a trend.
struct TrendJSON: Encodable {
    struct Point: Encodable {
        var on: String
        var value: Int?
        var groups: [String: Int]?
        var fundingYear: String?
        var countedOn: [String]?
        var unpriced: Int?
        var missing: Missing?
    }

    struct Missing: Encodable {
        var reason: String
        var note: String?
    }

    struct Rates: Encodable {
        var fundingYear: String
        var published: String
        var source: String
        var parts: [String]
    }

    var metric: String
    var unit: String
    var by: String?
    var knownAt: String?
    var swv: String?
    var releases: [String]
    var fallbacks: [ProjectionContext.Fallback]?
    var groups: [String]
    var rates: [Rates]?
    var points: [Point]

    init(_ report: TrendReport) {
        let trend = report.trend
        let funding = trend.metric == .funding
        metric = trend.metric.rawValue
        unit = report.unit
        by = trend.breakdown?.rawValue
        knownAt = report.context.knownAt?.iso
        swv = report.context.swv
        releases = report.context.releases
        fallbacks = report.context.fallbacks.isEmpty ? nil : report.context.fallbacks
        groups = trend.groupLabels
        rates = funding
            ? report.rateVersions.map { Rates(fundingYear: $0.year.description, published: $0.version.published.iso, source: $0.version.source, parts: $0.version.parts) }
            : nil
        points = trend.points.map { point in
            Point(
                on: point.day.iso, value: point.total,
                groups: trend.groupLabels.isEmpty || point.total == nil
                    ? nil : Dictionary(uniqueKeysWithValues: trend.groupLabels.map { ($0, point.groups[$0] ?? 0) }),
                fundingYear: point.fundingYear?.description,
                countedOn: funding ? point.countedOn.map(\.iso) : nil,
                unpriced: point.unpriced > 0 ? point.unpriced : nil,
                missing: point.missing.map { missing in
                    Missing(
                        reason: Self.reason(missing),
                        note: funding ? TrendReport.explanation(.init(missing: missing, fundingYear: point.fundingYear, countedOn: point.countedOn)) : nil)
                })
        }
    }

    /// The schema's name of `missing`.
    static func reason(_ missing: Trend.Missing) -> String {
        switch missing {
        case .data: "data"
        case .noRegime: "noRegime"
        case .noRateTable: "noRateTable"
        case .ratesNotYetPublished: "ratesNotYetPublished"
        }
    }
}
