import CLMDB

/// An LMDB transaction, handed to the closure of `Environment.read` or `Environment.write`.
///
/// Valid only while that closure runs; afterwards every method throws `LMDBError.transactionClosed`.
/// Not thread-safe: use it on the thread that runs the closure.
public final class Transaction {
    /// Whether this transaction was begun by `read`.
    public let isReadOnly: Bool
    /// Whether a C call in this transaction returned `MDB_MAP_FULL`; `write` then grows the map and retries.
    private(set) var hitMapFull = false
    private var handle: OpaquePointer?

    init(handle: OpaquePointer, isReadOnly: Bool) {
        self.handle = handle
        self.isReadOnly = isReadOnly
    }

    /// The value stored for `key`, copied out; `nil` if absent.
    public func get(_ key: [UInt8], in db: Database) throws -> [UInt8]? {
        try withValue(for: key, in: db) { Array($0) }
    }

    /// Calls `body` with the stored bytes for `key` without copying them; `nil` if absent.
    ///
    /// The buffer points into the memory map and is valid only during `body`.
    public func withValue<R>(
        for key: [UInt8], in db: Database, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        let txn = try openHandle()
        var value = MDB_val()
        let code = key.withMDBValue { key in
            FaultInjector.call(.get) { mdb_get(txn, db.handle, key, &value) }
        }
        if code == MDB_NOTFOUND { return nil }
        try check(code)
        return try body(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
    }

    /// Stores `value` for `key`; with `.noOverwrite` an existing key throws `LMDBError.keyExists`.
    public func put(_ value: [UInt8], for key: [UInt8], in db: Database, flags: PutFlags = []) throws {
        let txn = try openHandle()
        let code = key.withMDBValue { key in
            value.withMDBValue { value in
                FaultInjector.call(.put) { mdb_put(txn, db.handle, key, value, flags.rawValue) }
            }
        }
        try check(code)
    }

    /// Removes `key`; returns `false` if it was absent.
    @discardableResult
    public func delete(_ key: [UInt8], in db: Database) throws -> Bool {
        let txn = try openHandle()
        let code = key.withMDBValue { key in
            FaultInjector.call(.delete) { mdb_del(txn, db.handle, key, nil) }
        }
        if code == MDB_NOTFOUND { return false }
        try check(code)
        return true
    }

    /// The number of entries in `db` (`mdb_stat` `ms_entries`).
    public func entryCount(in db: Database) throws -> Int {
        let txn = try openHandle()
        var stat = MDB_stat()
        try check(mdb_stat(txn, db.handle, &stat))
        return stat.ms_entries
    }

    /// Every key of `db`, in key order.
    public func keys(in db: Database) throws -> [[UInt8]] {
        try withCursor(in: db) { cursor in
            var keys: [[UInt8]] = []
            var entry = try cursor.first()
            while let (key, _) = entry {
                keys.append(key)
                entry = try cursor.next()
            }
            return keys
        }
    }

    /// Calls `body` with a cursor over `db`; the cursor is closed when `body` returns or throws.
    public func withCursor<R>(in db: Database, _ body: (Cursor) throws -> R) throws -> R {
        let txn = try openHandle()
        var cursorHandle: OpaquePointer?
        let code = mdb_cursor_open(txn, db.handle, &cursorHandle)
        let cursor = try Cursor(handle: LMDBError.handle(cursorHandle, code))
        defer { cursor.close() }
        return try body(cursor)
    }

    /// Opens the named database in this transaction (`mdb_dbi_open`), creating it if `create`.
    func openDatabase(_ name: String, create: Bool) throws -> Database {
        let txn = try openHandle()
        var dbi = MDB_dbi()
        let flags = create ? UInt32(MDB_CREATE) : 0
        try check(FaultInjector.call(.databaseOpen) { mdb_dbi_open(txn, name, flags, &dbi) })
        return Database(name: name, handle: dbi)
    }

    /// Commits (`mdb_txn_commit`); the transaction is closed afterwards even if the commit fails.
    func commit() throws {
        let txn = try openHandle()
        handle = nil
        let code = FaultInjector.call(.commit, onInjected: { mdb_txn_abort(txn) }) { mdb_txn_commit(txn) }
        try check(code)
    }

    /// Aborts (`mdb_txn_abort`) unless already closed.
    func abort() {
        if let handle { mdb_txn_abort(handle) }
        handle = nil
    }

    private func openHandle() throws(LMDBError) -> OpaquePointer {
        guard let handle else { throw .transactionClosed }
        return handle
    }

    private func check(_ code: Int32) throws(LMDBError) {
        if code == MDB_MAP_FULL { hitMapFull = true }
        try LMDBError.check(code)
    }
}
