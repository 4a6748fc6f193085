import Ledger

/// What changed between any two releases, computed from their stored rows.
public struct DiffRequest: Sendable, Equatable {
    /// The release to diff from.
    public var from: ReleaseID
    /// The release to diff to.
    public var to: ReleaseID

    /// The events that turn `from`'s rows into `to`'s.
    public init(from: ReleaseID, to: ReleaseID) {
        self.from = from
        self.to = to
    }
}
