import Ledger
import Reports

extension LedgerSession {
    /// The growth to a peildatum from the 1 October before, both days counted from the same
    /// releases; refuses a day that is no peildatum and days no release answers.
    public func growth(_ request: GrowthRequest) throws(KijkglasError) -> GrowthAnswer {
        try KijkglasError.mapping {
            let rules = try RuleFiles.countingRules()
            let days = try RuleFiles.fundingRules().growth
            let peildatum = request.peildatum
            guard let reference = days.referenceDay(for: peildatum) else {
                throw KijkglasError(
                    .usage, "\(KijkglasError.Term.peildatum) \(peildatum.iso) is not a peildatum; peildata fall on \(days.peildatum) (dd-mm)")
            }
            let releases = try answering(
                request.swv, knownAt: request.knownAt, ownSchoolYearOnly: request.ownSchoolYearOnly, rules: rules)
            let swv = try releases.swv()
            try releases.requireCovered(reference, swv: swv, what: "the growth to \(peildatum.iso) starts on")
            try releases.requireCovered(peildatum, swv: swv, what: "\(KijkglasError.Term.peildatum)")
            let state = try releases.state(swv: swv, at: request.knownAt, covering: [reference, peildatum])
            let growth = Growth(
                from: try releases.counted(state, on: reference, selection: .rules(rules), payingSwv: swv),
                to: try releases.counted(state, on: peildatum, selection: .rules(rules), payingSwv: swv))
            return GrowthAnswer(growth: growth.naming(try pupilNames(growth.pupils)), context: ProjectionContext(state: state, selection: "rules", swv: swv))
        }
    }
}
