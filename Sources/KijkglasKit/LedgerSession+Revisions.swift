import Ledger

extension LedgerSession {
    /// The revision triangle of a count, a growth or a funding: its value as known at each
    /// publication and withdrawal; refuses days no release covers and days that are no peildatum.
    public func revisions(_ request: RevisionsRequest) throws(KijkglasError) -> RevisionsAnswer {
        try KijkglasError.mapping {
            let rules = try RuleFiles.countingRules()
            let releases = try answering(request.swv, knownAt: nil, ownSchoolYearOnly: request.ownSchoolYearOnly, rules: rules)
            let swv = try releases.swv()
            // A triangle leaves a day answered only from the year before empty with own school year only.
            let fallback = rules.answersFromPreviousSchoolYear && !request.ownSchoolYearOnly
            let growthDays = try RuleFiles.fundingRules().growth
            let loaded = releases.loaded
            let store = store
            func counted(_ state: KnownState, _ day: Day) -> Int? {
                state.counted(on: day, selection: .rules(rules), payingSwv: swv)?.count
            }
            switch request.metric {
            case .count(let on):
                for day in on { try releases.requireCovered(day, swv: swv, what: "\(KijkglasError.Term.day)") }
                let revisions = try Revisions(
                    days: on, points: loaded.knowledgePoints(covering: on, swv: swv, fallback: fallback),
                    value: counted, state: { try store.knownState(swv: swv, at: $0, covering: on, fallback: fallback) })
                return RevisionsAnswer(revisions: revisions, metric: "count", unit: "pupils", columnTitles: nil, swv: swv)
            case .growth(let on):
                var references: [Day: Day] = [:]
                for day in on {
                    guard let reference = growthDays.referenceDay(for: day) else {
                        throw KijkglasError(
                            .usage, "\(KijkglasError.Term.day) \(day.iso) is not a peildatum (\(growthDays.peildatum), dd-mm)")
                    }
                    try releases.requireCovered(reference, swv: swv, what: "the growth to \(day.iso) starts on")
                    try releases.requireCovered(day, swv: swv, what: "\(KijkglasError.Term.day)")
                    references[day] = reference
                }
                let days = on + references.values
                let revisions = try Revisions(
                    days: on, points: loaded.knowledgePoints(covering: days, swv: swv, fallback: fallback),
                    value: { state, day in
                        guard let reference = references[day], let after = counted(state, day), let before = counted(state, reference)
                        else { return nil }
                        return after - before
                    },
                    state: { try store.knownState(swv: swv, at: $0, covering: days, fallback: fallback) })
                return RevisionsAnswer(revisions: revisions, metric: "growth", unit: "pupils", columnTitles: nil, swv: swv)
            case .funding(let year):
                let table = try RuleFiles.rateTable(year)
                let (regime, fundingRules) = try Self.regime(of: year)
                let days = try Self.fundingDays(year, regime, fundingRules)
                for day in days.all { try releases.requireCovered(day, swv: swv, what: "funding \(year) counts on") }
                let revisions = try Revisions(
                    days: [days.teldatum], points: loaded.knowledgePoints(covering: days.all, swv: swv, fallback: fallback),
                    value: { state, _ in
                        guard let rates = table.version(knownAt: state.knownAt) else { return nil }
                        return Funding(year: year, regime: regime, days: days, rates: rates, state: state, rules: rules, payingSwv: swv)?
                            .total.cents
                    },
                    state: { try store.knownState(swv: swv, at: $0, covering: days.all, fallback: fallback) })
                return RevisionsAnswer(
                    revisions: revisions, metric: "funding \(year)", unit: "cents", columnTitles: ["funding \(year)"], swv: swv)
            }
        }
    }
}
