import ArgumentParser
import Foundation
import Ledger
import Reports

/// `kijkglas trend --from D --to D`: a projection over time, as a table or an HTML report.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Follow the pupil count (or growth) over time, per category, as a table, CSV, JSON or an HTML report with charts.",
        discussion: """
            The value on the first of every month (--every month) or on every 1 October and \
            1 February (--every teldatum) from --from to --to, all as known at --known-at. \
            --metric count: pupils counted by the counting rules; growth: counted minus counted \
            on the 1 October on or before the day. --html FILE also writes one self-contained \
            Dutch HTML page (no scripts, fonts or links) with SVG charts of the series, of the \
            series as known after each release, and of the corrections per release.

            Example: kijkglas trend --from 01-08-2021 --to 31-07-2022 --by category --html trend.html
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "The first day of the range (jjjj-mm-dd or dd-mm-jjjj).")
    var from: Day

    @Option(help: "The last day of the range.")
    var to: Day

    @Option(help: "month (the first of each month) or teldatum (1 October and 1 February).")
    var every: Trend.Spacing = .month

    @Option(help: "count or growth.")
    var metric: Trend.Metric = .count

    @Option(help: "Break the series down: category.")
    var by: Breakdown?

    @Option(help: "Answer as the ledger knew it on this day (default: today).")
    var knownAt: Day?

    @Option(help: "Only pupils whose TLV this SWV issued.", transform: ProjectionOptions.normalisedSwv)
    var swv: String?

    @Option(help: "text, csv or json.")
    var format: OutputFormat = .text

    @Option(help: "Also write the HTML report with charts to this file.")
    var html: String?

    /// What a trend can be broken down by.
    enum Breakdown: String, ExpressibleByArgument, CaseIterable {
        case category
    }

    func validate() throws {
        guard [.text, .csv, .json].contains(format) else { throw ValidationError("trend prints text, csv or json") }
        guard from <= to else { throw ValidationError("--from \(from.iso) is after --to \(to.iso)") }
    }

    func run() throws {
        try reportingFailures {
            var arguments = ["--ledger", ledgerOptions.directory]
            if let knownAt { arguments += ["--known-at", knownAt.iso] }
            if let swv { arguments += ["--swv", swv] }
            let options = try ProjectionOptions.parse(arguments)
            let rules = try ProjectionOptions.countingRules()
            let growthDays = try ProjectionOptions.fundingRules().growth
            let (store, loaded) = try options.open()
            let days = Trend.days(from: from, to: to, every: every, growth: growthDays)
            let state = try options.state(store, loaded, at: knownAt, covering: [], rules: rules)
            let trend = Trend(metric: metric, days: days, state: state, rules: rules, swv: swv, byCategory: by == .category, growth: growthDays)
            guard !trend.coveredPoints.isEmpty else {
                throw options.usage(
                    "no data from \(from.iso) to \(to.iso) (\(days.count) \(every.rawValue) day(s)) as known at \(knownAt?.iso ?? "today")", loaded)
            }
            let revisions = try html == nil ? nil : revisionsOfTotal(trend, store: store, loaded: loaded, rules: rules, growth: growthDays)
            let report = TrendReport(
                trend, context: options.context(state, swv: swv), revisions: revisions, releases: loaded.releases,
                lifecycles: loaded.lifecycles)
            switch format {
            case .csv: print(report.csv)
            case .json: print(report.json)
            default: print(report.text)
            }
            if let html {
                do {
                    try Data(TrendHTML.render(report).utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
                } catch {
                    throw CommandFailure(exitCode: .storageError, message: "kijkglas: cannot write \(html): \(error.localizedDescription)")
                }
                printError("kijkglas: wrote \(html)")
            }
        }
    }

    /// The series' total as known at each publication and withdrawal up to --known-at.
    private func revisionsOfTotal(
        _ trend: Trend, store: LedgerStore, loaded: LoadedReleases, rules: CountingRules, growth: FundingRules.GrowthDays
    ) throws -> Revisions {
        let days = trend.coveredPoints.map(\.day)
        let points = loaded.knowledgePoints(covering: days).filter { point in knownAt.map { point.day <= $0 } ?? true }
        return try Revisions(
            days: days, points: points,
            value: { state, day in
                Trend(metric: metric, days: [day], state: state, rules: rules, swv: swv, byCategory: false, growth: growth).points.first?.total
            },
            state: { try store.knownState(at: $0) })
    }
}

extension Trend.Spacing: ExpressibleByArgument {}
extension Trend.Metric: ExpressibleByArgument {}
