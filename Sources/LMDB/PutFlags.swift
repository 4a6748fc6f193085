import CLMDB

/// Flags for `Transaction.put`.
public struct PutFlags: OptionSet, Sendable, Hashable {
    /// The C flag bits.
    public let rawValue: UInt32

    /// Wraps C flag bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// `MDB_APPEND`: the key sorts after every existing key; fast bulk load.
    ///
    /// A key that does not sort last fails with `LMDBError.keyExists`.
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))

    /// `MDB_NOOVERWRITE`: fail with `LMDBError.keyExists` instead of replacing an existing value.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
}
