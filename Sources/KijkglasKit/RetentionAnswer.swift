import Ledger

/// The pupils past the retention period on a day, each with the day its last registration ended
/// and the releases it appears in, and whether they were erased.
public struct RetentionAnswer: Sendable {
    /// One pupil past the retention period.
    public struct Pupil: Sendable, Equatable {
        /// The pupil as answers name it: its PGN with the key, its pupil number without.
        public var pupil: PGN
        /// The pupil number.
        public var number: PGN
        /// The day its last registration ended.
        public var lastEnded: Day
        /// The releases whose rows hold it.
        public var releases: [ReleaseID]
    }

    /// The rule applied, with its source.
    public var rule: RetentionRule
    /// The day retention was measured on.
    public var on: Day
    /// Pupils whose last registration ended before this day are past the period.
    public var endedBefore: Day
    /// The pupils past the period (erased ones are not listed again).
    public var pupils: [Pupil]
    /// Pupils the ledger can still name whose registrations have not all ended.
    public var stillRegistered: Int
    /// Whether they were erased; the erasure's answer when they were.
    public var erasure: ErasureAnswer?
}
