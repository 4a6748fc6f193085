import ArgumentParser
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

    /// What to follow through the releases.
    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case count, growth, funding
    }

    @OptionGroup var options: ProjectionOptions

    @Option(help: "A day to follow (repeat for a triangle); for --metric growth a peildatum.")
    var on: [Day] = []

    @Option(help: "count, growth or funding.")
    var metric: Metric = .count

    @Option(help: "The funding year, for --metric funding.")
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
            let rules = try ProjectionOptions.countingRules()
            let (store, loaded) = try options.open()
            let growthDays = try ProjectionOptions.fundingRules().growth
            let report: RevisionsReport
            switch metric {
            case .count:
                for day in on { try options.requireCovered(day, loaded, what: "--on") }
                let revisions = try Revisions(
                    days: on, points: loaded.knowledgePoints(covering: on),
                    value: { state, day in
                        state.covers(day) ? CountedPupils(rows: state.rows, on: day, selection: .rules(rules), payingSwv: options.swv).count : nil
                    },
                    state: { try store.knownState(at: $0) })
                report = RevisionsReport(revisions, metric: "count", unit: "pupils")
            case .growth:
                let swv = try options.payingSwv(loaded)
                var references: [Day: Day] = [:]
                for day in on {
                    guard let reference = growthDays.referenceDay(for: day) else {
                        throw CommandFailure(exitCode: .validationFailure, message: "kijkglas: --on \(day.iso) is not a peildatum (\(growthDays.peildatum), dd-mm)")
                    }
                    try options.requireCovered(reference, loaded, what: "the growth to \(day.iso) starts on")
                    try options.requireCovered(day, loaded, what: "--on")
                    references[day] = reference
                }
                let revisions = try Revisions(
                    days: on, points: loaded.knowledgePoints(covering: on + references.values),
                    value: { state, day in
                        guard let reference = references[day], state.covers(reference), state.covers(day) else { return nil }
                        let count = { (day: Day) in CountedPupils(rows: state.rows, on: day, selection: .rules(rules), payingSwv: swv).count }
                        return count(day) - count(reference)
                    },
                    state: { try store.knownState(at: $0) })
                report = RevisionsReport(revisions, metric: "growth", unit: "pupils")
            case .funding:
                guard let year else { return }
                let table = try ProjectionOptions.rateTable(year)
                let (regime, fundingRules) = try FundingCommand.regime(of: year)
                let days = try FundingCommand.fundingDays(year, regime, fundingRules).all
                for day in days { try options.requireCovered(day, loaded, what: "funding \(year) counts on") }
                let revisions = try Revisions(
                    days: [days[0]], points: loaded.knowledgePoints(covering: days),
                    value: { state, _ in
                        guard days.allSatisfy(state.covers), table.version(knownAt: state.knownAt) != nil else { return nil }
                        return try FundingCommand.compute(year: year, table: table, at: state.knownAt, options: options, store: store, loaded: loaded)
                            .0.total.cents
                    },
                    state: { try store.knownState(at: $0) })
                report = RevisionsReport(revisions, metric: "funding \(year)", unit: "cents", columnTitles: ["funding \(year)"])
            }
            print(options.format == .json ? report.json : report.text)
        }
    }
}
