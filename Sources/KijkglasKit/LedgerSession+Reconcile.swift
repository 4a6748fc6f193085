import Ledger
import Reports

extension LedgerSession {
    /// The figures or settled pupils of a release against the ledger's own, counted from the
    /// registration releases as known at its publication; refuses a release of registration
    /// periods.
    public func reconcile(_ request: ReconcileRequest) throws(KijkglasError) -> ReconcileAnswer {
        try KijkglasError.mapping {
            let release = request.release
            let stated = try store.release(release)
            let rules = try RuleFiles.countingRules()
            let swv = stated.scope.swv
            let then: KnownState
            var outcome: ReconcileReport.Outcome
            switch stated.content {
            case .periods:
                throw KijkglasError(
                    .usage,
                    "\(release) holds registration periods (\(stated.scope)); reconcile takes a release of stated figures or a settled snapshot \(KijkglasError.Term.releaseListing)")
            case .snapshot:
                guard let day = stated.scope.validTime?.lowerBound else {
                    throw KijkglasError(.badData, "\(release) has no teldatum in its scope \(stated.scope)")
                }
                then = try store.knownState(swv: swv, at: stated.publishedOn, covering: [day])
                guard let counted = then.counted(on: day, selection: .rules(rules), payingSwv: swv) else {
                    throw KijkglasError(
                        .usage,
                        "no registrations release of \(swv) known at \(stated.publishedOn.iso) answers \(day.iso); ingest the Kijkglas 2 of \(SchoolYear(containing: day))")
                }
                outcome = .snapshot(SnapshotReconciliation(settled: try store.rows(of: release), swv: swv, counted: counted))
            case .figures:
                guard let peildatum = stated.scope.validTime?.lowerBound else {
                    throw KijkglasError(.badData, "\(release) has no peildatum in its scope \(stated.scope)")
                }
                let growthDays = try RuleFiles.fundingRules().growth
                let reconciliation = try RuleFiles.reconciliationRules()
                let figures = try store.figures(of: release)
                let octoberBefore = { (day: Day) in growthDays.reference.latest(before: day) }
                let days = Set(figures.map { $0.day ?? peildatum } + [peildatum]).flatMap { [$0] + [octoberBefore($0)].compactMap { $0 } }
                then = try store.knownState(swv: swv, at: stated.publishedOn, covering: days)
                let now = try store.knownState(swv: swv, covering: days)
                func counter(_ state: KnownState, _ rules: CountingRules) -> (Day) -> CountedPupils? {
                    var cache: [Day: CountedPupils?] = [:]
                    return { day in
                        if let known = cache[day] { return known }
                        let counted = state.counted(on: day, selection: .rules(rules), payingSwv: swv)
                        cache[day] = counted
                        return counted
                    }
                }
                outcome = .figures(
                    FigureReconciliation(
                        figures: figures, peildatum: peildatum, octoberBefore: octoberBefore, isTotal: reconciliation.isTotal,
                        then: counter(then, rules), now: counter(now, rules),
                        assumptions: rules.reversedAssumptions.map { (rule: $0.rule, count: counter(then, $0.rules)) },
                        rewrites: try store.rewrites(of: SchoolYear(containing: peildatum), swv: swv)))
            }
            switch outcome {
            case .figures(let figures): outcome = .figures(figures.naming(try pupilNames(figures.pupils)))
            case .snapshot(let snapshot): outcome = .snapshot(snapshot.naming(try pupilNames(snapshot.pupils)))
            }
            return ReconcileAnswer(
                release: stated, outcome: outcome, context: ProjectionContext(state: then, selection: "rules", swv: swv))
        }
    }
}
