import ArgumentParser
import Ledger
import Reports

/// `kijkglas funding --year YEAR`: the ondersteuningsbekostiging deducted from an SWV's budget.
struct FundingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Compute the (v)so ondersteuningsbekostiging deducted from the SWV budget for a funding year.",
        discussion: """
            Until 2022-2023 a school year: pupils counted on 1 October of the previous year, \
            so < 8 / so >= 8 split on that day, plus the growth transfer of the 1 February \
            peildatum before the year. From 2023 a calendar year: pupils on 1 February T-1, no \
            age split. Regimes: Schemas/rules/funding.json; amounts: Schemas/rates/<year>.json, \
            each with its legal source and publication date; --known-at uses the releases and \
            the rates published by then.

            Example: kijkglas funding --year 2015-2016 --known-at 2016-01-01
            """
    )

    @OptionGroup var options: ProjectionOptions

    @Option(help: "The funding year: a school year 2015-2016 or a calendar year 2023.")
    var year: FundingYear

    func run() throws {
        try reportingFailures {
            let (store, loaded) = try options.open()
            let table = try ProjectionOptions.rateTable(year)
            let (funding, context) = try FundingCommand.compute(
                year: year, table: table, at: options.knownAt, options: options, store: store, loaded: loaded)
            let report = FundingReport(funding, context: context)
            print(options.format == .json ? report.json : report.text)
        }
    }

    /// The funding of `year` from `table` as known at `day`, for `options`' SWV.
    static func compute(
        year: FundingYear, table: RateTable, at day: Day?, options: ProjectionOptions, store: LedgerStore, loaded: LoadedReleases
    ) throws -> (Funding, ProjectionContext) {
        let (regime, fundingRules) = try regime(of: year)
        guard let rates = table.version(knownAt: day) else {
            let first = table.versions.map(\.published).min()?.iso ?? "never"
            throw CommandFailure(
                exitCode: .validationFailure,
                message: "kijkglas: the rates for \(year) were first published on \(first), after --known-at \(day?.iso ?? "today")")
        }
        let days = try fundingDays(year, regime, fundingRules)
        let rules = try ProjectionOptions.countingRules()
        let swv = try options.answeringSwv(loaded)
        for valid in days.all { try options.requireCovered(valid, loaded, swv: swv, rules: rules, what: "funding \(year) counts on") }
        let state = try options.state(store, loaded, swv: swv, at: day, covering: days.all, rules: rules)
        guard let funding = Funding(year: year, regime: regime, days: days, rates: rates, state: state, rules: rules, payingSwv: swv) else {
            throw options.usage("as known at \(day?.iso ?? "today"), no release of \(swv) answers every day funding \(year) counts on", loaded)
        }
        return (funding, options.context(state, swv: swv))
    }

    /// The regime of `year` and the rules it came from; exit 64 naming the regimes when none.
    static func regime(of year: FundingYear) throws -> (FundingRegime, FundingRules) {
        let fundingRules = try ProjectionOptions.fundingRules()
        guard let regime = fundingRules.regime(for: year) else {
            let regimes = fundingRules.regimes.map { "\($0.name) \($0.yearsDescription)" }.joined(separator: "; ")
            throw CommandFailure(exitCode: .validationFailure, message: "kijkglas: no funding regime covers \(year); regimes: \(regimes)")
        }
        return (regime, fundingRules)
    }

    /// The days `year` counts on; exit 65 when the regime's teldatum does not exist in it.
    static func fundingDays(_ year: FundingYear, _ regime: FundingRegime, _ fundingRules: FundingRules) throws -> FundingDays {
        guard let days = FundingDays(year: year, regime: regime, growth: fundingRules.growth) else {
            throw CommandFailure(exitCode: .dataError, message: "kijkglas: the teldatum \(regime.teldatum) of \(regime.name) does not exist in \(year)")
        }
        return days
    }
}

extension FundingYear: ExpressibleByArgument {
    /// Accepts `2015-2016` and `2023`.
    public init?(argument: String) { self.init(text: argument) }

    public static var defaultValueDescription: String { "jjjj-jjjj or jjjj" }
}
