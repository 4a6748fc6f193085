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
            let swv = try options.answeringSwv(loaded)
            // A triangle leaves a day answered only from the year before empty with --own-school-year-only.
            let fallback = rules.answersFromPreviousSchoolYear && !options.ownSchoolYearOnly
            let growthDays = try ProjectionOptions.fundingRules().growth
            func counted(_ state: KnownState, _ day: Day) -> Int? {
                state.counted(on: day, selection: .rules(rules), payingSwv: swv)?.count
            }
            let report: RevisionsReport
            switch metric {
            case .count:
                for day in on { try options.requireCovered(day, loaded, swv: swv, rules: rules, what: "--on") }
                let revisions = try Revisions(
                    days: on, points: loaded.knowledgePoints(covering: on, swv: swv, fallback: fallback),
                    value: counted, state: { try store.knownState(swv: swv, at: $0, covering: on, fallback: fallback) })
                report = RevisionsReport(revisions, metric: "count", unit: "pupils", swv: swv)
            case .growth:
                var references: [Day: Day] = [:]
                for day in on {
                    guard let reference = growthDays.referenceDay(for: day) else {
                        throw CommandFailure(exitCode: .validationFailure, message: "kijkglas: --on \(day.iso) is not a peildatum (\(growthDays.peildatum), dd-mm)")
                    }
                    try options.requireCovered(reference, loaded, swv: swv, rules: rules, what: "the growth to \(day.iso) starts on")
                    try options.requireCovered(day, loaded, swv: swv, rules: rules, what: "--on")
                    references[day] = reference
                }
                let days = on + references.values
                let revisions = try Revisions(
                    days: on, points: loaded.knowledgePoints(covering: days, swv: swv, fallback: fallback),
                    value: { state, day in
                        guard let reference = references[day], let after = counted(state, day), let before = counted(state, reference) else { return nil }
                        return after - before
                    },
                    state: { try store.knownState(swv: swv, at: $0, covering: days, fallback: fallback) })
                report = RevisionsReport(revisions, metric: "growth", unit: "pupils", swv: swv)
            case .funding:
                guard let year else { throw ValidationError("--metric funding takes --year") }
                let table = try ProjectionOptions.rateTable(year)
                let (regime, fundingRules) = try FundingCommand.regime(of: year)
                let days = try FundingCommand.fundingDays(year, regime, fundingRules)
                for day in days.all { try options.requireCovered(day, loaded, swv: swv, rules: rules, what: "funding \(year) counts on") }
                let revisions = try Revisions(
                    days: [days.teldatum], points: loaded.knowledgePoints(covering: days.all, swv: swv, fallback: fallback),
                    value: { state, _ in
                        guard let rates = table.version(knownAt: state.knownAt) else { return nil }
                        return Funding(year: year, regime: regime, days: days, rates: rates, state: state, rules: rules, payingSwv: swv)?.total.cents
                    },
                    state: { try store.knownState(swv: swv, at: $0, covering: days.all, fallback: fallback) })
                report = RevisionsReport(revisions, metric: "funding \(year)", unit: "cents", columnTitles: ["funding \(year)"], swv: swv)
            }
            print(options.format == .json ? report.json : report.text)
        }
    }
}
