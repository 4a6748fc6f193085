import Ledger
import LMDB

extension LedgerStore {
    /// For release `id`, when it is the first registrations release of its school year: where it
    /// speaks differently of the days before that year than the previous year's release of its
    /// product and SWV known at its publication; nil otherwise, or when none was known.
    public func previousYearRewrite(of id: ReleaseID) throws(LedgerError) -> PreviousYearRewrite? {
        try read { transaction in
            try previousYearRewrite(of: release(storageKey: id.storageKey, in: transaction), in: transaction)
        }
    }

    /// `previousYearRewrite(of:)` of every release it applies to, with at least one rewritten
    /// registration.
    public func previousYearRewrites() throws(LedgerError) -> [ReleaseID: PreviousYearRewrite] {
        try read { transaction in
            let all = try releases(in: transaction)
            let bySWV = Dictionary(grouping: all, by: \.scope.swv)
            var found: [ReleaseID: PreviousYearRewrite] = [:]
            for release in all {
                if let rewrite = try previousYearRewrite(of: release, among: bySWV[release.scope.swv] ?? [], in: transaction),
                    !rewrite.registrations.isEmpty
                {
                    found[release.id] = rewrite
                }
            }
            return found
        }
    }

    /// The rewrites of `schoolYear`'s days by the first releases of the next school year of
    /// `swv`, one per product, with at least one rewritten registration.
    public func rewrites(of schoolYear: SchoolYear, swv: String) throws(LedgerError) -> [PreviousYearRewrite] {
        try read { transaction in
            let all = try releases(ofSWV: swv, in: transaction)
            let firsts = Dictionary(grouping: all.filter { $0.content == .periods && $0.scope.schoolYear == schoolYear.next }, by: \.scope)
                .compactMap { $0.value.min(by: Release.precedes) }
            return try firsts.sorted { $0.id < $1.id }.compactMap { release in
                try previousYearRewrite(of: release, among: all, in: transaction).flatMap { $0.registrations.isEmpty ? nil : $0 }
            }
        }
    }

    /// `previousYearRewrite(of:)` read in `transaction`.
    func previousYearRewrite(of release: Release, in transaction: Transaction) throws -> PreviousYearRewrite? {
        try previousYearRewrite(of: release, among: releases(ofSWV: release.scope.swv, in: transaction), in: transaction)
    }

    /// `previousYearRewrite(of:)` with the releases of its SWV at hand.
    private func previousYearRewrite(of release: Release, among swvReleases: [Release], in transaction: Transaction) throws
        -> PreviousYearRewrite?
    {
        guard release.content == .periods, let year = release.scope.schoolYear else { return nil }
        let first = swvReleases.filter { $0.scope == release.scope }.min(by: Release.precedes)
        guard first?.id == release.id else { return nil }
        var previousScope = release.scope
        previousScope.period = year.previous.description
        let candidates = swvReleases.filter { $0.scope == previousScope }
        guard let previous = try answeringReleases(knownAt: release.publishedOn, among: candidates, in: transaction).first else { return nil }
        return PreviousYearRewrite(
            release: release.id, previous: previous.id, yearStart: year.days.lowerBound, rows: try rows(of: release.id, in: transaction),
            previousRows: try rows(of: previous.id, in: transaction))
    }
}
