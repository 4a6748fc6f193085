import Foundation
import Ledger
import LedgerStorage
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
    /// answering release must cover both days, pupils must count on both, and the count and
    /// growth must be the ones computed once from the new release's rows in memory, without the
    /// ledger, so a broken setup cannot look fast.
    init(rows: Int, directory: String) throws {
        let pair = ReleasePair.checked(rows: rows)
        store = try LedgerStore(directory: directory)
        let releases = (0...1).map { index in
            var release = pair.release(index)
            release.rows = release.rows.map(\.withSchoolYearTLV)
            return release
        }
        for release in releases {
            _ = try store.record(release)
        }
        let decoder = JSONDecoder()
        rules = try decoder.decode(CountingRules.self, from: Data(contentsOf: SchemaFiles.countingRulesFile))
        let days = try decoder.decode(FundingRules.self, from: Data(contentsOf: SchemaFiles.fundingRulesFile)).growth
        guard let reference = days.referenceDay(for: peildatum) else { preconditionFailure("\(peildatum.iso) must be a peildatum") }
        self.reference = reference
        let state = try store.knownState(swv: swv, covering: [reference, peildatum])
        precondition(state.covers(reference) && state.covers(peildatum), "the answering release must cover both days")
        let (count, growth) = (try count(), try growth())
        precondition(growth.before.count > 0 && growth.after.count > 0, "pupils must count on both days")
        precondition(count.total == growth.after.count, "the count and the growth count the same SWV's pupils")
        let pool = CountingRowPool(releases[1].rows)
        let (before, after) = (
            CountedPupils(rows: pool, on: reference, selection: .rules(rules), payingSwv: swv),
            CountedPupils(rows: pool, on: peildatum, selection: .rules(rules), payingSwv: swv)
        )
        let expected = Growth(from: before, to: after)
        precondition(
            count == PupilCount(after) && growth.lines == expected.lines && growth.movements == expected.movements,
            "the ledger must count what the new release's rows count")
    }

    /// `kijkglas count --on <peildatum>`: the state of the SWV's school year known today, its
    /// pupils whose TLV the SWV issued counted by the rules.
    func count() throws -> PupilCount {
        let state = try store.knownState(swv: swv, covering: [peildatum])
        guard let counted = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv) else { throw LedgerError.rejected("not covered") }
        return PupilCount(counted)
    }

    /// `kijkglas growth --peildatum <peildatum>`: the same on the reference day and the peildatum.
    func growth() throws -> Growth {
        let state = try store.knownState(swv: swv, covering: [reference, peildatum])
        guard let before = state.counted(on: reference, selection: .rules(rules), payingSwv: swv),
            let after = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv)
        else { throw LedgerError.rejected("not covered") }
        return Growth(from: before, to: after)
    }
}
