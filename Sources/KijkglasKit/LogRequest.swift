import Ledger

/// Which events of the log to read: from a sequence number, filtered, at most a number of them.
public struct LogRequest: Sendable, Equatable {
    /// The first sequence number to read.
    public var since: UInt64
    /// Only the events of this release.
    public var release: ReleaseID?
    /// Only the events of this pupil: its registration events and its erasure.
    public var pupil: PGN?
    /// Only events of this kind.
    public var kind: Event.Kind?
    /// Only registration events that correct the past.
    public var correctionsOnly: Bool
    /// At most this many events.
    public var limit: Int?

    /// Every event from `since`, unless filtered.
    public init(
        since: UInt64 = 1, release: ReleaseID? = nil, pupil: PGN? = nil, kind: Event.Kind? = nil, correctionsOnly: Bool = false,
        limit: Int? = nil
    ) {
        self.since = since
        self.release = release
        self.pupil = pupil
        self.kind = kind
        self.correctionsOnly = correctionsOnly
        self.limit = limit
    }

    /// Whether `event` passes the filters.
    func admits(_ event: Event) -> Bool {
        if let release, event.release != release { return false }
        if let kind, event.kind != kind { return false }
        if let pupil, !correctionsOnly, case .pupilErased(let erased, _, _) = event { return erased == pupil }
        if pupil != nil || correctionsOnly {
            guard case .registration(let registration) = event else { return false }
            if let pupil, registration.key.pgn != pupil { return false }
            if correctionsOnly, registration.classification != .correction { return false }
        }
        return true
    }
}
