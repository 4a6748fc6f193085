import Foundation
import Ledger
import LedgerStorage
import SampleData
import Schemas

/// A ledger of many SWVs' Kijkglas 2 releases over two school years (`CountrySeries`, real SWV
/// codes), or of its first SWV's releases alone, and `count` and `growth` of that SWV on the
/// second school year's days as the commands compute them. Built and checked in setup.
struct CountryLedger {
    /// The ledger.
    let store: LedgerStore
    /// `Schemas/rules/counting.json`.
    let rules: CountingRules
    /// The SWV asked about: the first of the series.
    let swv = CountrySeries.swvCodes[0]
    /// 1 October of the second school year.
    let reference = Day.literal(2022, 10, 1)
    /// 1 February of the second school year.
    let peildatum = Day.literal(2023, 2, 1)

    /// Records `swvs` SWVs' releases (all of them, or the first SWV's alone) into a new ledger in
    /// `directory`; the counts must find pupils.
    init(swvs: Int, onlyFirst: Bool, directory: String) throws {
        let series = CountrySeries(swvs: swvs, years: 2, releasesPerYear: 10, rows: 500)
        store = try LedgerStore(directory: directory)
        for release in series.releases where !onlyFirst || release.scope.swv == CountrySeries.swvCodes[0] {
            _ = try store.record(release)
        }
        rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: SchemaFiles.countingRulesFile))
        let (count, growth) = (try count(), try growth())
        precondition(count.total > 0 && growth.after.count > 0, "pupils must count")
    }

    /// `kijkglas count --on <peildatum> --swv <swv>`: the SWV's releases, the state of the day's
    /// school year, its pupils counted.
    func count() throws -> PupilCount {
        _ = try LoadedReleases(store: store, swv: swv)
        let state = try store.knownState(swv: swv, covering: [peildatum])
        guard let counted = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv) else { throw LedgerError.rejected("not covered") }
        return PupilCount(counted)
    }

    /// `kijkglas growth --peildatum <peildatum> --swv <swv>`.
    func growth() throws -> Growth {
        _ = try LoadedReleases(store: store, swv: swv)
        let state = try store.knownState(swv: swv, covering: [reference, peildatum])
        guard let before = state.counted(on: reference, selection: .rules(rules), payingSwv: swv),
            let after = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv)
        else { throw LedgerError.rejected("not covered") }
        return Growth(from: before, to: after)
    }
}
