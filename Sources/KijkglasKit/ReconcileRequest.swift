import Ledger

/// DUO's stated figures, or its settled pupils, of one release against the ledger's own counts.
public struct ReconcileRequest: Sendable, Equatable {
    /// The figures or snapshot release.
    public var release: ReleaseID

    /// A reconciliation of `release`.
    public init(release: ReleaseID) {
        self.release = release
    }
}
