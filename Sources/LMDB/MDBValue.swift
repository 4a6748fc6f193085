import CLMDB

extension MDB_val {
    /// A copy of the bytes this value points at.
    var bytes: [UInt8] {
        Array(UnsafeRawBufferPointer(start: mv_data, count: mv_size))
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with an `MDB_val` pointing at these bytes, valid only during the call.
    func withMDBValue<R>(_ body: (UnsafeMutablePointer<MDB_val>) throws -> R) rethrows -> R {
        try withUnsafeBytes { bytes in
            var value = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            return try body(&value)
        }
    }
}
