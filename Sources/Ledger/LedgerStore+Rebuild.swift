import LMDB

extension LedgerStore {
    /// Rebuilds every stored projection (the release lifecycles) from the log with the fold
    /// `append` and `verify` use, and stamps it with this build's versions. The log itself is
    /// never touched.
    func rebuildProjections(in transaction: Transaction) throws {
        var lifecycles: [ReleaseID: ReleaseLifecycle] = [:]
        try transaction.withCursor(in: log) { cursor in
            var entry = try cursor.first()
            while let (_, value) = entry {
                ReleaseLifecycle.apply(try Event(encoded: try LogRecord(stored: value).payload), to: &lifecycles)
                entry = try cursor.next()
            }
        }
        let stale = try transaction.withCursor(in: lifecycleRecords) { cursor in
            var keys: [[UInt8]] = []
            var entry = try cursor.first()
            while let (key, _) = entry {
                keys.append(key)
                entry = try cursor.next()
            }
            return keys
        }
        for key in stale { try transaction.delete(key, in: lifecycleRecords) }
        for (id, lifecycle) in lifecycles {
            try transaction.put(lifecycle.encoded, for: id.storageKey, in: lifecycleRecords)
        }
        try transaction.put(ProjectionStamp.current.encoded, for: ProjectionStamp.key, in: meta)
    }
}
