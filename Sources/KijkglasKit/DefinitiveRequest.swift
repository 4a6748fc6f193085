import Ledger

/// That DUO made a release definitive (one per scope).
public struct DefinitiveRequest: Sendable, Equatable {
    /// The release made definitive.
    public var release: ReleaseID
    /// The day DUO made it so, not before its publication.
    public var on: Day

    /// `release` definitive since `on`.
    public init(release: ReleaseID, on: Day) {
        self.release = release
        self.on = on
    }
}
