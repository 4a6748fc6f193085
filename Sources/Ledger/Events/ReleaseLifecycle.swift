/// Where a release stands: its current base, whether a newer release superseded it, whether DUO
/// withdrew it or made it definitive, and the tally of its active batch. A projection of the
/// log, stored beside it and rebuilt by `verify` to check it.
public struct ReleaseLifecycle: Sendable, Equatable {
    /// The release it is diffed against now (changes when a release loaded late slots in).
    public var currentBase: ReleaseID?
    /// The next release of its scope, and that release's publication date.
    public var supersededBy: (release: ReleaseID, on: Day)?
    /// The day DUO withdrew it, and why.
    public var withdrawn: (on: Day, reason: String)?
    /// The day DUO made it definitive.
    public var definitiveOn: Day?
    /// The registration events of its active batch (against `currentBase`).
    public var tally = EventTally()

    /// A lifecycle diffed against `base`.
    public init(currentBase: ReleaseID?) {
        self.currentBase = currentBase
    }

    /// Status as a single word, strongest first: withdrawn, definitive, superseded, published.
    public var status: ReleaseStatus {
        if withdrawn != nil { return .withdrawn }
        if definitiveOn != nil { return .definitive }
        if supersededBy != nil { return .superseded }
        return .published
    }

    /// Whether the release had been withdrawn by `day`.
    public func isWithdrawn(on day: Day) -> Bool {
        withdrawn.map { $0.on <= day } ?? false
    }

    public static func == (lhs: ReleaseLifecycle, rhs: ReleaseLifecycle) -> Bool {
        lhs.currentBase == rhs.currentBase && lhs.supersededBy?.release == rhs.supersededBy?.release
            && lhs.supersededBy?.on == rhs.supersededBy?.on && lhs.withdrawn?.on == rhs.withdrawn?.on
            && lhs.withdrawn?.reason == rhs.withdrawn?.reason && lhs.definitiveOn == rhs.definitiveOn
            && lhs.tally == rhs.tally
    }
}
