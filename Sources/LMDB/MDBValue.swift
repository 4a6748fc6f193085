import CLMDB

extension MDB_val {
    /// A copy of the bytes this value points at.
    var bytes: [UInt8] {
        Array(UnsafeRawBufferPointer(start: mv_data, count: mv_size))
    }
}

extension UnsafeRawBufferPointer {
    /// Calls `body` with an `MDB_val` pointing at these bytes, valid only during the call.
    func withMDBValue<R>(_ body: (UnsafeMutablePointer<MDB_val>) throws -> R) rethrows -> R {
        var value = MDB_val(mv_size: count, mv_data: UnsafeMutableRawPointer(mutating: baseAddress))
        return try body(&value)
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with an `MDB_val` pointing at these bytes, valid only during the call.
    func withMDBValue<R>(_ body: (UnsafeMutablePointer<MDB_val>) throws -> R) rethrows -> R {
        try withUnsafeBytes { try $0.withMDBValue(body) }
    }
}

extension ArraySlice where Element == UInt8 {
    /// Calls `body` with an `MDB_val` pointing at these bytes, valid only during the call.
    func withMDBValue<R>(_ body: (UnsafeMutablePointer<MDB_val>) throws -> R) rethrows -> R {
        try withUnsafeBytes { try $0.withMDBValue(body) }
    }
}
