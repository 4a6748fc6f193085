/// What the ledger knew on a day: the release of each scope that answered then, and their rows.
public struct KnownState: Sendable {
    /// The day of knowledge; nil for today.
    public let knownAt: Day?
    /// The answering releases, one per scope.
    public let releases: [Release]
    /// Their counting rows, pooled.
    public let rows: CountingRows

    /// A state from its parts.
    public init(knownAt: Day?, releases: [Release], rows: CountingRows) {
        self.knownAt = knownAt
        self.releases = releases
        self.rows = rows
    }

    /// Whether an answering release's scope covers `day`.
    public func covers(_ day: Day) -> Bool {
        releases.contains { $0.scope.validTime?.contains(day) ?? false }
    }
}

extension LedgerStore {
    /// The state as known at `day` (today when nil), by `answeringReleases(knownAt:)`: the
    /// registration periods the projections count, not the snapshots and figures DUO states.
    public func knownState(at day: Day? = nil) throws(LedgerError) -> KnownState {
        let releases = try answeringReleases(knownAt: day).filter { $0.content == .periods }
        return KnownState(knownAt: day, releases: releases, rows: try countingRows(of: releases.map(\.id)))
    }
}
