import Foundation
import Ledger
import SampleData
import Schemas

/// A ledger holding both releases of the benchmark pair, their rows given the school year's TLV
/// dates so the counting rules count, and the answers `kijkglas count` and `growth` compute from
/// it, through the same public calls. Built and checked in setup, before anything is timed.
struct CountingLedger {
    /// The ledger.
    let store: LedgerStore
    /// `Schemas/rules/counting.json`, as the commands read it.
    let rules: CountingRules
    /// The peildatum: 1 February 2022, after both releases' publication.
    let peildatum = Day.literal(2022, 2, 1)
    /// The growth's reference day for the peildatum by `Schemas/rules/funding.json`: 1 October 2021.
    let reference: Day
    /// The SWV of the pair's scope, whose budget `growth` takes when no `--swv` is given.
    let swv = "VO9901"

    /// Records both releases of the pair of `rows` rows into a new ledger in `directory`. The
    /// answering release must cover both days and pupils must count on both, so a broken setup
    /// cannot look fast.
    init(rows: Int, directory: String) throws {
        let pair = ReleasePair.checked(rows: rows)
        store = try LedgerStore(directory: directory)
        for index in 0...1 {
            var release = pair.release(index)
            release.rows = release.rows.map(\.withSchoolYearTLV)
            _ = try store.record(release)
        }
        let decoder = JSONDecoder()
        rules = try decoder.decode(CountingRules.self, from: Data(contentsOf: SchemaFiles.countingRulesFile))
        let days = try decoder.decode(FundingRules.self, from: Data(contentsOf: SchemaFiles.fundingRulesFile)).growth
        guard let reference = days.referenceDay(for: peildatum) else { preconditionFailure("\(peildatum.iso) must be a peildatum") }
        self.reference = reference
        let state = try store.knownState()
        precondition(state.covers(reference) && state.covers(peildatum), "the answering release must cover both days")
        let (count, growth) = (try count(), try growth())
        precondition(growth.before.count > 0 && growth.after.count > 0, "pupils must count on both days")
        precondition(count.total >= growth.after.count, "the count without --swv must hold the growth's pupils")
    }

    /// `kijkglas count --on <peildatum>`: the state known today, its pupils counted by the rules.
    func count() throws -> PupilCount {
        let state = try store.knownState()
        return PupilCount(CountedPupils(rows: state.rows, on: peildatum, selection: .rules(rules)))
    }

    /// `kijkglas growth --peildatum <peildatum>`: the state known today, its pupils whose TLV the
    /// scope's SWV issued counted by the rules on the reference day and on the peildatum.
    func growth() throws -> Growth {
        let state = try store.knownState()
        return Growth(
            from: CountedPupils(rows: state.rows, on: reference, selection: .rules(rules), payingSwv: swv),
            to: CountedPupils(rows: state.rows, on: peildatum, selection: .rules(rules), payingSwv: swv))
    }
}
