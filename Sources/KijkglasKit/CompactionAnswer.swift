/// What compacting the ledger did: the data file replaced by a copy of its live pages only.
public struct CompactionAnswer: Sendable, Equatable {
    /// The data file's size before, in bytes.
    public var bytesBefore: Int
    /// The data file's size after, in bytes.
    public var bytesAfter: Int
}
