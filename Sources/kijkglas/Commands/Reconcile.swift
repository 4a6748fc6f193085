import ArgumentParser
import Ledger
import Reports
import Schemas

/// `kijkglas reconcile R`: DUO's stated figures or settled pupils against the ledger's own.
struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare DUO's stated figures (Kijkglas 3, Kijkglas 1 part 1) or settled pupils (Kijkglas 1 part 2) with the ledger's own.",
        discussion: """
            The ledger's side is counted from the registration releases as known on the \
            release's publication date, for the pupils whose TLV the release's SWV issued, by \
            the counting rules of Schemas/rules/counting.json. A figure that differs lists the \
            pupils that may explain it: counted differently as known today (corrected since), \
            or counted only because of an assumption rule. Exit 1 when anything differs. PGNs \
            are masked unless --show-pgn.

            Example: kijkglas reconcile R12
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "The figures or snapshot release, e.g. R12.")
    var release: ReleaseID

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Show full PGNs (personal data).")
    var showPgn = false

    func validate() throws {
        guard [.text, .json].contains(format) else { throw ValidationError("reconcile prints text or json") }
    }

    func run() throws {
        try reportingFailures {
            let store = try ledgerOptions.open(readOnly: true)
            let stated = try store.release(release)
            let rules = try ProjectionOptions.countingRules()
            let swv = stated.scope.swv
            let then: KnownState
            let outcome: ReconcileReport.Outcome
            switch stated.content {
            case .periods:
                throw CommandFailure(
                    exitCode: .validationFailure,
                    message: "kijkglas: \(release) holds registration periods (\(stated.scope)); reconcile takes a release of stated figures or a settled snapshot (kijkglas releases lists them)")
            case .snapshot:
                guard let day = stated.scope.validTime?.lowerBound else {
                    throw CommandFailure(exitCode: .dataError, message: "kijkglas: \(release) has no teldatum in its scope \(stated.scope)")
                }
                then = try store.knownState(swv: swv, at: stated.publishedOn, covering: [day])
                guard let counted = then.counted(on: day, selection: .rules(rules), payingSwv: swv) else {
                    throw CommandFailure(
                        exitCode: .validationFailure,
                        message: "kijkglas: no registrations release of \(swv) known at \(stated.publishedOn.iso) answers \(day.iso); ingest the Kijkglas 2 of \(SchoolYear(containing: day))")
                }
                outcome = .snapshot(SnapshotReconciliation(settled: try store.rows(of: release), swv: swv, counted: counted))
            case .figures:
                guard let peildatum = stated.scope.validTime?.lowerBound else {
                    throw CommandFailure(exitCode: .dataError, message: "kijkglas: \(release) has no peildatum in its scope \(stated.scope)")
                }
                let growthDays = try ProjectionOptions.fundingRules().growth
                let reconciliation = try Self.reconciliationRules()
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
            let report = ReconcileReport(
                release: stated, outcome: outcome, context: ProjectionContext(state: then, selection: "rules", swv: swv),
                showPGN: showPgn)
            print(format == .json ? report.json : report.text)
            if !report.agrees { throw ExitCode(1) }
        }
    }

    /// `Schemas/rules/reconciliation.json`.
    static func reconciliationRules() throws -> ReconciliationRules {
        try ProjectionOptions.decode(ReconciliationRules.self, from: SchemaFiles.reconciliationRulesFile)
    }
}
