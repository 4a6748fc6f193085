import Ledger
import Reports

extension LedgerSession {
    /// The funding of a year priced with the rates published by the day of knowledge; refuses a
    /// year without rates, regime or releases covering the days it counts on.
    public func funding(_ request: FundingRequest) throws(KijkglasError) -> FundingAnswer {
        try KijkglasError.mapping {
            let year = request.year
            let rules = try RuleFiles.countingRules()
            let releases = try answering(
                request.swv, knownAt: request.knownAt, ownSchoolYearOnly: request.ownSchoolYearOnly, rules: rules)
            let table = try RuleFiles.rateTable(year)
            let (regime, fundingRules) = try Self.regime(of: year)
            guard let rates = table.version(knownAt: request.knownAt) else {
                let first = table.versions.map(\.published).min()?.iso ?? "never"
                throw KijkglasError(
                    .usage,
                    "the rates for \(year) were first published on \(first), after \(KijkglasError.Term.knownAt) \(request.knownAt?.iso ?? "today")")
            }
            let days = try Self.fundingDays(year, regime, fundingRules)
            let swv = try releases.swv()
            for valid in days.all { try releases.requireCovered(valid, swv: swv, what: "funding \(year) counts on") }
            let state = try releases.state(swv: swv, at: request.knownAt, covering: days.all)
            guard
                let funding = Funding(
                    year: year, regime: regime, days: days, rates: rates, state: state, rules: rules, payingSwv: swv)
            else {
                throw releases.usage(
                    "as known at \(request.knownAt?.iso ?? "today"), no release of \(swv) answers every day funding \(year) counts on")
            }
            return FundingAnswer(funding: funding, context: ProjectionContext(state: state, selection: "rules", swv: swv))
        }
    }

    /// The regime of `year` and the rules it came from; refuses a year no regime covers, naming
    /// the regimes.
    static func regime(of year: FundingYear) throws -> (FundingRegime, FundingRules) {
        let fundingRules = try RuleFiles.fundingRules()
        guard let regime = fundingRules.regime(for: year) else {
            let regimes = fundingRules.regimes.map { "\($0.name) \($0.yearsDescription)" }.joined(separator: "; ")
            throw KijkglasError(.usage, "no funding regime covers \(year); regimes: \(regimes)")
        }
        return (regime, fundingRules)
    }

    /// The days `year` counts on; bad data when the regime's teldatum does not exist in it.
    static func fundingDays(_ year: FundingYear, _ regime: FundingRegime, _ fundingRules: FundingRules) throws -> FundingDays {
        guard let days = FundingDays(year: year, regime: regime, growth: fundingRules.growth) else {
            throw KijkglasError(.badData, "the teldatum \(regime.teldatum) of \(regime.name) does not exist in \(year)")
        }
        return days
    }
}
