import Ledger
import LMDB

extension LedgerStore {
    /// What the ledger knew at `day` (today when nil) about `swv`'s registrations on the school
    /// years of `days`: per school year and product, the latest release of `swv` published by
    /// then and not withdrawn by then. A school year without such a release is answered from
    /// the year before when `fallback` allows it, else left unanswered.
    public func knownState(
        swv: String, at day: Day? = nil, covering days: some Sequence<Day>, fallback: Bool = true
    ) throws(LedgerError) -> KnownState {
        let asked = Set(days.map(SchoolYear.init(containing:)))
        return try read { transaction in
            let candidates = try releases(ofSWV: swv, in: transaction).filter { release in
                guard release.content == .periods, let year = release.scope.schoolYear else { return false }
                return asked.contains(year) || asked.contains(year.next)
            }
            var byYear: [SchoolYear: [Release]] = [:]
            for release in try answeringReleases(knownAt: day, among: candidates, in: transaction) {
                if let year = release.scope.schoolYear { byYear[year, default: []].append(release) }
            }
            let years = try asked.sorted().compactMap { year -> KnownSchoolYear? in
                let source = byYear[year] != nil ? year : (fallback && byYear[year.previous] != nil ? year.previous : nil)
                guard let source, let releases = byYear[source] else { return nil }
                let rows = try countingRowPool(of: releases.map(\.id), in: transaction)
                return KnownSchoolYear(schoolYear: year, answeredFrom: source, releases: releases, rows: rows)
            }
            return KnownState(knownAt: day, swv: swv, schoolYears: years)
        }
    }

    /// The release of each scope that answers "as known at `day`" (today when nil): the latest
    /// published on or before that day and not withdrawn by then.
    public func answeringReleases(knownAt day: Day? = nil) throws(LedgerError) -> [Release] {
        try read { try answeringReleases(knownAt: day, among: releases(in: $0), in: $0) }
    }

    /// `answeringReleases(knownAt:)` among `releases`, in scope order; only their lifecycles are read.
    func answeringReleases(knownAt day: Day?, among releases: [Release], in transaction: Transaction) throws -> [Release] {
        let known = try releases.filter { release in
            guard day.map({ release.publishedOn <= $0 }) ?? true else { return false }
            let lifecycle = try lifecycle(of: release.id, in: transaction)
            return day.map { !lifecycle.isWithdrawn(on: $0) } ?? (lifecycle.withdrawn == nil)
        }
        let latest = Dictionary(grouping: known, by: \.scope).compactMap { _, versions in versions.max(by: Release.precedes) }
        return latest.sorted { $0.scope < $1.scope }
    }
}
