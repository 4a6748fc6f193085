import Ledger

/// That DUO withdrew a release; it still answers "what did we believe" before that day.
public struct WithdrawRequest: Sendable, Equatable {
    /// The release withdrawn.
    public var release: ReleaseID
    /// The day DUO withdrew it, not before its publication.
    public var on: Day
    /// DUO's reason, as it is to be remembered.
    public var reason: String

    /// The withdrawal of `release` on `on` for `reason`.
    public init(release: ReleaseID, on: Day, reason: String) {
        self.release = release
        self.on = on
        self.reason = reason
    }
}
