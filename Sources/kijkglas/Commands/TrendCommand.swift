import ArgumentParser
import Foundation
import KijkglasKit
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

    @Option(help: .value("The first day of the range.", Day.self))
    var from: Day

    @Option(help: .value("The last day of the range.", Day.self))
    var to: Day

    @Option(help: "month (the first of each month) or teldatum (1 October and 1 February).")
    var every: Trend.Spacing = .month

    @Option(help: "count, growth or funding.")
    var metric: Trend.Metric = .count

    @Option(help: "Break the series down: category, school, schooltype or payingswv (funding: category or schooltype).")
    var by: PupilCount.Breakdown?

    @Option(help: .value("Answer as the ledger knew it on this day (default: today).", Day.self))
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
            let request = TrendRequest(
                from: from, to: to, every: every, metric: metric, breakdown: by, knownAt: knownAt,
                swv: ProjectionOptions.answering(swv), ownSchoolYearOnly: ownSchoolYearOnly, revisionsOfTotal: html != nil)
            let answer = try ledgerOptions.session().trend(request)
            let report = answer.report
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
}

extension Trend.Spacing: ExpressibleByArgument {}
extension Trend.Metric: ExpressibleByArgument {}
