import Ledger
import Reports

extension LedgerSession {
    /// The pupils charged to an SWV on a day (or to every SWV, side by side); refuses a day no
    /// release answers.
    public func count(_ request: CountRequest) throws(KijkglasError) -> CountAnswer {
        try KijkglasError.mapping {
            let rules = try RuleFiles.countingRules()
            let releases = try answering(
                request.swv, knownAt: request.knownAt, ownSchoolYearOnly: request.ownSchoolYearOnly, rules: rules)
            let selection: CountedPupils.Selection = request.everyValidRow ? .everyValidRow : .rules(rules)
            if request.swv == .every {
                let every = try EverySWVCount(
                    swvs: try store.scopeSWVs(), on: request.on, selection: selection, everyPayer: request.everyPayer, by: request.breakdown
                ) { swv in
                    try store.knownState(swv: swv, at: request.knownAt, covering: [request.on], fallback: rules.answersFromPreviousSchoolYear)
                }
                guard !every.answers.isEmpty else {
                    throw releases.usage("as known at \(request.knownAt?.iso ?? "today"), no SWV's releases answer \(request.on.iso)")
                }
                for answer in every.answers { try releases.refuseFallbacks(answer.state) }
                return .everySWV(every.naming(try pupilNames(every.pupils)))
            }
            let swv = try releases.swv()
            try releases.requireCovered(request.on, swv: swv, what: "\(KijkglasError.Term.day)")
            let state = try releases.state(swv: swv, at: request.knownAt, covering: [request.on])
            let payer = request.everyPayer ? nil : swv
            let count = PupilCount(
                try releases.counted(state, on: request.on, selection: selection, payingSwv: payer), by: request.breakdown)
            let context = ProjectionContext(state: state, selection: request.everyValidRow ? "all" : "rules", swv: payer)
            return .oneSWV(count: count, context: context)
        }
    }
}
