import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas revisions --on DATE`: a value for a day as known at each release.
struct RevisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisions",
        abstract: "Show the revision triangle: a value for a day as known at each publication and withdrawal, and each revision.",
        discussion: """
            One row per day on which a release covering the day was published or withdrawn; per \
            --on day the value as known then and the change since the row before. A value that \
            changes after the day itself was past is DUO correcting the past. \
            --metric count: pupils counted on the day; growth: the growth to the day (a \
            1 February) from the preceding 1 October; funding: the deduction for --year, in \
            euros, with the rates published by each row's day.

            Example: kijkglas revisions --on 01-10-2021 --on 01-02-2022
            """
    )

    @OptionGroup var options: ProjectionOptions

    @Option(help: .value("A day to follow (repeat for a triangle); for --metric growth a peildatum.", Day.self))
    var on: [Day] = []

    @Option(help: "count, growth or funding.")
    var metric: Trend.Metric = .count

    @Option(help: .value("The funding year, for --metric funding.", FundingYear.self))
    var year: FundingYear?

    func validate() throws {
        if metric == .funding {
            guard year != nil, on.isEmpty else { throw ValidationError("--metric funding takes --year, not --on") }
        } else {
            guard !on.isEmpty, year == nil else { throw ValidationError("--metric \(metric.rawValue) takes one or more --on days, not --year") }
        }
        guard options.knownAt == nil else { throw ValidationError("revisions runs through every day of knowledge; --known-at does not apply") }
    }

    func run() throws {
        try reportingFailures {
            let followed: RevisionsRequest.Metric
            switch metric {
            case .count: followed = .count(on: on)
            case .growth: followed = .growth(peildata: on)
            case .funding:
                guard let year else { throw ValidationError("--metric funding takes --year") }
                followed = .funding(year)
            }
            let request = RevisionsRequest(metric: followed, swv: options.answering, ownSchoolYearOnly: options.ownSchoolYearOnly)
            let answer = try options.ledgerOptions.session().revisions(request)
            let report = answer.report
            print(options.format == .json ? report.json : report.text)
        }
    }
}
