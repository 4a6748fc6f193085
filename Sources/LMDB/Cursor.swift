import CLMDB
import Foundation

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

    /// Calls `body` with the rank and the value's bytes of each of `keys` that the database
    /// holds, in order: `keys` holds keys of `width` bytes each, ascending bytewise. The cursor
    /// walks the database in step with the keys (`MDB_NEXT`) where they lie among few other
    /// entries, and moves (`MDB_SET_RANGE`) to each key where they lie among many, so a dense
    /// run of keys costs about a step each instead of a search each. The value's bytes point
    /// into the map and are valid only during `body`.
    public func forEachValue(atSorted keys: UnsafeRawBufferPointer, width: Int, _ body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        guard let handle else { throw LMDBError.transactionClosed }
        precondition(width > 0 && keys.count % width == 0, "keys of one width")
        let count = keys.count / width
        guard count > 0, let base = keys.baseAddress else { return }
        var statistics = MDB_stat()
        try LMDBError.check(mdb_stat(mdb_cursor_txn(handle), mdb_cursor_dbi(handle), &statistics))
        // Entries per key sought: step past a few, move past more.
        let gap = Int(statistics.ms_entries) / count
        let maxSteps = gap <= 8 ? 2 * gap + 1 : 0
        var key = MDB_val()
        var value = MDB_val()
        func move(_ op: MDB_cursor_op, to rank: Int) throws -> Bool {
            if op == MDB_SET_RANGE { key = MDB_val(mv_size: width, mv_data: UnsafeMutableRawPointer(mutating: base + rank * width)) }
            let code = FaultInjector.call(.cursorGet) { mdb_cursor_get(handle, &key, &value, op) }
            if code == MDB_NOTFOUND { return false }
            try LMDBError.check(code)
            return true
        }
        guard try move(MDB_SET_RANGE, to: 0) else { return }
        var rank = 0
        var steps = 0
        while rank < count {
            var order = memcmp(key.mv_data, base + rank * width, min(key.mv_size, width))
            if order == 0 { order = key.mv_size < width ? -1 : key.mv_size > width ? 1 : 0 }
            if order == 0 {
                try body(rank, UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
                rank += 1
                steps = 0
                guard try move(MDB_NEXT, to: rank) else { return }
            } else if order > 0 {
                rank += 1
                steps = 0
            } else if steps < maxSteps {
                steps += 1
                guard try move(MDB_NEXT, to: rank) else { return }
            } else {
                steps = 0
                guard try move(MDB_SET_RANGE, to: rank) else { return }
            }
        }
    }

    /// Stores `value` for `key` and moves to it (`mdb_cursor_put`), in a write transaction; a
    /// cursor already on the leaf page where `key` belongs skips the search from the root.
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
