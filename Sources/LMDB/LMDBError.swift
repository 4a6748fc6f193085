import CLMDB

/// An error code returned by LMDB: an `MDB_*` code, an `errno` value, or a wrapper-specific code.
public struct LMDBError: Error, Equatable, Hashable, Sendable, CustomStringConvertible, RawRepresentable {
    /// The C return code.
    public let rawValue: Int32

    /// Wraps a C return code.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Human-readable text: `mdb_strerror`, or the wrapper's own text for wrapper-specific codes.
    public var message: String {
        switch self {
        case .transactionClosed:
            return "Transaction or cursor used after its closure returned"
        case .nestedWrite:
            return "write called inside a write transaction of the same environment on the same thread"
        default:
            return String(cString: mdb_strerror(rawValue))
        }
    }

    /// `NAME (code): message`, e.g. `MDB_MAP_FULL (-30792): MDB_MAP_FULL: Environment mapsize limit reached`.
    public var description: String {
        "\(name) (\(rawValue)): \(message)"
    }

    /// The C constant's name, or `errno` for system errors.
    public var name: String {
        switch self {
        case .keyExists: "MDB_KEYEXIST"
        case .notFound: "MDB_NOTFOUND"
        case .pageNotFound: "MDB_PAGE_NOTFOUND"
        case .corrupted: "MDB_CORRUPTED"
        case .panic: "MDB_PANIC"
        case .versionMismatch: "MDB_VERSION_MISMATCH"
        case .invalid: "MDB_INVALID"
        case .mapFull: "MDB_MAP_FULL"
        case .databasesFull: "MDB_DBS_FULL"
        case .readersFull: "MDB_READERS_FULL"
        case .tlsFull: "MDB_TLS_FULL"
        case .txnFull: "MDB_TXN_FULL"
        case .cursorFull: "MDB_CURSOR_FULL"
        case .pageFull: "MDB_PAGE_FULL"
        case .mapResized: "MDB_MAP_RESIZED"
        case .incompatible: "MDB_INCOMPATIBLE"
        case .badReaderSlot: "MDB_BAD_RSLOT"
        case .badTxn: "MDB_BAD_TXN"
        case .badValueSize: "MDB_BAD_VALSIZE"
        case .badDBI: "MDB_BAD_DBI"
        case .transactionClosed: "LMDB_TRANSACTION_CLOSED"
        case .nestedWrite: "LMDB_NESTED_WRITE"
        default: "errno"
        }
    }

    /// `MDB_KEYEXIST`: key/data pair already exists (also: `MDB_APPEND` key out of order).
    public static let keyExists = LMDBError(rawValue: MDB_KEYEXIST)
    /// `MDB_NOTFOUND`: key/data pair not found.
    public static let notFound = LMDBError(rawValue: MDB_NOTFOUND)
    /// `MDB_PAGE_NOTFOUND`: requested page not found; usually corruption.
    public static let pageNotFound = LMDBError(rawValue: MDB_PAGE_NOTFOUND)
    /// `MDB_CORRUPTED`: located page was the wrong type.
    public static let corrupted = LMDBError(rawValue: MDB_CORRUPTED)
    /// `MDB_PANIC`: update of meta page failed or environment had a fatal error.
    public static let panic = LMDBError(rawValue: MDB_PANIC)
    /// `MDB_VERSION_MISMATCH`: environment version mismatch.
    public static let versionMismatch = LMDBError(rawValue: MDB_VERSION_MISMATCH)
    /// `MDB_INVALID`: file is not a valid LMDB file.
    public static let invalid = LMDBError(rawValue: MDB_INVALID)
    /// `MDB_MAP_FULL`: environment map size limit reached.
    public static let mapFull = LMDBError(rawValue: MDB_MAP_FULL)
    /// `MDB_DBS_FULL`: `Options.maxDatabases` reached.
    public static let databasesFull = LMDBError(rawValue: MDB_DBS_FULL)
    /// `MDB_READERS_FULL`: `Options.maxReaders` reached.
    public static let readersFull = LMDBError(rawValue: MDB_READERS_FULL)
    /// `MDB_TLS_FULL`: too many TLS keys in use.
    public static let tlsFull = LMDBError(rawValue: MDB_TLS_FULL)
    /// `MDB_TXN_FULL`: transaction has too many dirty pages.
    public static let txnFull = LMDBError(rawValue: MDB_TXN_FULL)
    /// `MDB_CURSOR_FULL`: cursor stack too deep.
    public static let cursorFull = LMDBError(rawValue: MDB_CURSOR_FULL)
    /// `MDB_PAGE_FULL`: page has not enough space.
    public static let pageFull = LMDBError(rawValue: MDB_PAGE_FULL)
    /// `MDB_MAP_RESIZED`: another process grew the map beyond this process's map size.
    public static let mapResized = LMDBError(rawValue: MDB_MAP_RESIZED)
    /// `MDB_INCOMPATIBLE`: operation and database incompatible, or database flags changed.
    public static let incompatible = LMDBError(rawValue: MDB_INCOMPATIBLE)
    /// `MDB_BAD_RSLOT`: invalid reuse of reader lock table slot.
    public static let badReaderSlot = LMDBError(rawValue: MDB_BAD_RSLOT)
    /// `MDB_BAD_TXN`: transaction must abort, has a child, or is invalid.
    public static let badTxn = LMDBError(rawValue: MDB_BAD_TXN)
    /// `MDB_BAD_VALSIZE`: unsupported key/data size (e.g. an empty key).
    public static let badValueSize = LMDBError(rawValue: MDB_BAD_VALSIZE)
    /// `MDB_BAD_DBI`: the database handle was changed unexpectedly.
    public static let badDBI = LMDBError(rawValue: MDB_BAD_DBI)

    /// Wrapper-specific: a `Transaction` or `Cursor` was used after its closure returned.
    ///
    /// Chosen below LMDB's range (`-30799…-30780`) so it never collides with an LMDB or `errno` code.
    public static let transactionClosed = LMDBError(rawValue: -30600)
    /// Wrapper-specific: `write` was called inside a `write` of the same environment on the same thread,
    /// which would otherwise deadlock on LMDB's writer lock.
    public static let nestedWrite = LMDBError(rawValue: -30601)
}

extension LMDBError {
    /// Throws the error for `code` unless it is `MDB_SUCCESS`.
    static func check(_ code: Int32) throws(LMDBError) {
        guard code == MDB_SUCCESS else { throw LMDBError(rawValue: code) }
    }

    /// The handle a C constructor produced, or the error for its return `code`.
    static func handle(_ handle: OpaquePointer?, _ code: Int32) throws(LMDBError) -> OpaquePointer {
        try check(code)
        guard let handle else { throw .invalid }
        return handle
    }
}
