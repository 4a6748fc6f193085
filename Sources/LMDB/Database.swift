import CLMDB

/// A named key-value database inside an `Environment`, from `Environment.database(_:)`.
///
/// Only meaningful with the environment that opened it.
public struct Database: Sendable, Hashable {
    /// The name it was opened with.
    public let name: String
    let handle: MDB_dbi
}
