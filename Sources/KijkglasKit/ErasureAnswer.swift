import Ledger

/// What an erasure did: the pupils forgotten, by pupil number, and the backups that still hold
/// them. The data file still holds their sealed entries in freed pages until the ledger is
/// compacted (`LedgerSession.compact(_:)`).
public struct ErasureAnswer: Sendable {
    /// The pupils erased, by pupil number (`#17`).
    public var pupils: [PGN]
    /// The day recorded for the erasure.
    public var on: Day
    /// The backups this ledger made before, which still hold the pupils' identities.
    public var backups: [(directory: String, on: Day)]
}
