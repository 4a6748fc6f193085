import ArgumentParser
import Foundation
import Ledger
import Reports

/// `kijkglas trend --from D --to D`: a projection over time, as a table or an HTML report.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Follow the pupil count, growth or funding over time, broken down, as a table, CSV, JSON or an HTML report with charts.",
        discussion: """
            The value on the first of every month (--every month) or on every 1 October and \
            1 February (--every teldatum) from --from to --to, all as known at --known-at. \
            --metric count: pupils counted by the counting rules; growth: counted minus counted \
            on the 1 October on or before the day; funding: the deduction from the SWV budget \
            for the funding year in force on the day (a school year from 1 August until \
            2022-2023, a calendar year from 2023), as `kijkglas funding --year` computes it from \
            that year's teldatum and growth days, with the rates in Schemas/rates/ published by \
            --known-at. A funding year without a rate table is shown as "no rates" with the file \
            to add; when no day has rates the command fails naming the files. Funding CSV gives \
            euros with a decimal comma, JSON cents. --by: category, school, schooltype or \
            payingswv; funding: category or schooltype. --html FILE also writes one \
            self-contained Dutch HTML page (no scripts, fonts or links) with SVG charts of the \
            series, of the series as known after each release (funding priced with the same \
            rates throughout), and of the corrections per release.

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

    @Option(help: "count, growth or funding.")
    var metric: Trend.Metric = .count

    @Option(help: "Break the series down: category, school, schooltype or payingswv (funding: category or schooltype).")
    var by: PupilCount.Breakdown?

    @Option(help: "Answer as the ledger knew it on this day (default: today).")
    var knownAt: Day?

    @Option(
        help: "The SWV whose Kijkglas 2 releases answer and whose TLVs are counted; default: the ledger's SWV when it holds one.",
        transform: ProjectionOptions.normalisedSwv)
    var swv: String?

    @Flag(help: "Refuse (exit 1) to answer a day from the school year before while no release of its own school year was known.")
    var ownSchoolYearOnly = false

    @Option(help: "text, csv or json.")
    var format: OutputFormat = .text

    @Option(help: "Also write the HTML report with charts to this file.")
    var html: String?

    func validate() throws {
        guard [.text, .csv, .json].contains(format) else { throw ValidationError("trend prints text, csv or json") }
        guard from <= to else { throw ValidationError("--from \(from.iso) is after --to \(to.iso)") }
        if let by, !metric.breakdowns.contains(by) {
            let choices = metric.breakdowns.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--by \(by.rawValue) does not apply to --metric \(metric.rawValue); choose \(choices)")
        }
    }

    func run() throws {
        try reportingFailures {
            var arguments = ["--ledger", ledgerOptions.directory]
            if let knownAt { arguments += ["--known-at", knownAt.iso] }
            if let swv { arguments += ["--swv", swv] }
            if ownSchoolYearOnly { arguments.append("--own-school-year-only") }
            let options = try ProjectionOptions.parse(arguments)
            let rules = try ProjectionOptions.countingRules()
            let fundingRules = try ProjectionOptions.fundingRules()
            let (store, loaded) = try options.open()
            let days = Trend.days(from: from, to: to, every: every, growth: fundingRules.growth)
            let payer = try options.answeringSwv(loaded)
            let state = try store.knownState(
                swv: payer, at: knownAt, covering: Trend.countedOn(metric: metric, days: days, funding: fundingRules),
                fallback: rules.answersFromPreviousSchoolYear)
            try options.refuseFallbacks(state)
            let rates = RateTables(
                metric == .funding ? try ProjectionOptions.rateTables(Set(days.compactMap(fundingRules.fundingYear(on:)))) : [:], knownAt: knownAt)
            let trend = Trend(
                metric: metric, days: days, state: state, rules: rules, swv: payer, by: by, funding: fundingRules, rates: rates)
            if trend.coveredPoints.isEmpty { throw noValue(trend, days: days, loaded: loaded, options: options) }
            let revisions =
                try html == nil
                ? nil : revisionsOfTotal(trend, store: store, loaded: loaded, rules: rules, swv: payer, funding: fundingRules, rates: rates)
            let report = TrendReport(
                trend, context: options.context(state, swv: payer), revisions: revisions, releases: loaded.releases,
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

    /// Why no day of the range has a value: exit 65 naming the rate tables to add when some
    /// funding year lacks one, else exit 64 saying what the range needs and what is loaded.
    private func noValue(_ trend: Trend, days: [Day], loaded: LoadedReleases, options: ProjectionOptions) -> CommandFailure {
        var withoutTable: [FundingYear] = []
        var reasons: [String] = []
        for point in trend.points {
            guard let missing = point.missing else { continue }
            let reason: String
            switch missing {
            case .noRateTable(let year):
                if !withoutTable.contains(year) { withoutTable.append(year) }
                continue
            case .data where trend.metric == .funding:
                reason = "funding \(point.fundingYear?.description ?? "") counts on \(point.countedOn.map(\.iso).joined(separator: ", "))"
            case .data: continue
            case .noRegime: reason = "no funding regime covers \(point.day.iso)"
            case .ratesNotYetPublished(let year, let first):
                reason = "the rates for \(year) were first published on \(first.iso), after --known-at \(knownAt?.iso ?? "today")"
            }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        if !withoutTable.isEmpty { return ProjectionOptions.missingRates(withoutTable) }
        let detail = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        return options.usage(
            "no data from \(from.iso) to \(to.iso) (\(days.count) \(every.rawValue) day(s)) as known at \(knownAt?.iso ?? "today")\(detail)", loaded)
    }

    /// The series' total as known at each publication and withdrawal up to --known-at, of the
    /// releases that cover the days the series counts on; funding is priced with `rates`
    /// throughout, so only DUO's revisions of the data show.
    private func revisionsOfTotal(
        _ trend: Trend, store: LedgerStore, loaded: LoadedReleases, rules: CountingRules, swv: String, funding: FundingRules,
        rates: RateTables
    ) throws -> Revisions {
        let covered = trend.coveredPoints
        let countedOn = Array(Set(covered.flatMap(\.countedOn)))
        let points = loaded.knowledgePoints(covering: countedOn, swv: swv, fallback: rules.answersFromPreviousSchoolYear)
            .filter { point in knownAt.map { point.day <= $0 } ?? true }
        return try Revisions(
            days: covered.map(\.day), points: points,
            value: { state, day in
                Trend(metric: metric, days: [day], state: state, rules: rules, swv: swv, by: nil, funding: funding, rates: rates)
                    .points.first?.total
            },
            state: { try store.knownState(swv: swv, at: $0, covering: countedOn, fallback: rules.answersFromPreviousSchoolYear) })
    }
}

extension Trend.Spacing: ExpressibleByArgument {}
extension Trend.Metric: ExpressibleByArgument {}
