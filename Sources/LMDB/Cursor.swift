import CLMDB

/// A position in a `Database`, handed to the closure of `Transaction.withCursor`.
///
/// Valid only while that closure runs; afterwards every method throws `LMDBError.transactionClosed`.
/// Entries come in key order (bytewise); each method returns `nil` when there is no such entry.
public final class Cursor {
    private var handle: OpaquePointer?

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Moves to the first entry (`MDB_FIRST`).
    public func first() throws -> (key: [UInt8], value: [UInt8])? {
        try fetch(MDB_FIRST)
    }

    /// Moves to the last entry (`MDB_LAST`).
    public func last() throws -> (key: [UInt8], value: [UInt8])? {
        try fetch(MDB_LAST)
    }

    /// Moves to the next entry (`MDB_NEXT`); from an unpositioned cursor, the first.
    public func next() throws -> (key: [UInt8], value: [UInt8])? {
        try fetch(MDB_NEXT)
    }

    /// Moves to the first entry whose key is `>= key` (`MDB_SET_RANGE`).
    public func seek(atOrAfter key: [UInt8]) throws -> (key: [UInt8], value: [UInt8])? {
        try fetch(MDB_SET_RANGE, key: key)
    }

    /// Moves to the entry of `key` (`MDB_SET`) and calls `body` with its value's bytes, which
    /// point into the map and are valid only during `body`; nil when there is no such entry. A
    /// cursor already on the leaf page where `key` belongs finds it without searching from the
    /// root, so keys looked up in key order cost little more than a walk.
    public func withValue<R>(at key: ArraySlice<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        guard let handle else { throw LMDBError.transactionClosed }
        var value = MDB_val()
        let code = key.withMDBValue { key in
            FaultInjector.call(.cursorGet) { mdb_cursor_get(handle, key, &value, MDB_SET) }
        }
        if code == MDB_NOTFOUND { return nil }
        try LMDBError.check(code)
        return try body(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
    }

    /// Stores `value` for `key` and moves to it (`mdb_cursor_put`), in a write transaction; like
    /// `withValue(at:)`, a cursor on the right page skips the search from the root.
    public func put(_ value: [UInt8], for key: ArraySlice<UInt8>, flags: PutFlags = []) throws {
        guard let handle else { throw LMDBError.transactionClosed }
        let code = key.withMDBValue { key in
            value.withMDBValue { value in
                FaultInjector.call(.put) { mdb_cursor_put(handle, key, value, flags.rawValue) }
            }
        }
        try LMDBError.check(code)
    }

    /// Closes the C cursor (`mdb_cursor_close`); later calls throw `.transactionClosed`.
    func close() {
        if let handle { mdb_cursor_close(handle) }
        handle = nil
    }

    private func fetch(_ op: MDB_cursor_op, key: [UInt8] = []) throws -> (key: [UInt8], value: [UInt8])? {
        guard let handle else { throw LMDBError.transactionClosed }
        var value = MDB_val()
        let (code, foundKey) = key.withMDBValue { key in
            let code = FaultInjector.call(.cursorGet) { mdb_cursor_get(handle, key, &value, op) }
            return (code, key.pointee)
        }
        if code == MDB_NOTFOUND { return nil }
        try LMDBError.check(code)
        return (foundKey.bytes, value.bytes)
    }
}
