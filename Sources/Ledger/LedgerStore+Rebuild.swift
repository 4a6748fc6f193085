import LMDB

extension LedgerStore {
    /// Rebuilds every stored projection from the log and the stored rows in one write
    /// transaction, as a writable open does when their stamp is not this build's; the map is
    /// grown first by what the rebuild writes. The log and the rows are never touched.
    /// - Throws: `LedgerError.storage` when LMDB fails (a read-only open cannot write),
    ///   `LedgerError.corrupt` when a release's row list names a row that is not stored.
    public func rebuildProjections() throws(LedgerError) {
        try reserveForRebuild(onlyWhenStale: false)
        try write { try rebuildProjections(in: $0) }
    }

    /// Rebuilds every stored projection (the release lifecycles from the log with the fold
    /// `append` and `verify` use, reading registration events by their header only; the packed
    /// counting rows from each release's rows) and stamps them with this build's versions. The
    /// log and the rows are never touched.
    func rebuildProjections(in transaction: Transaction) throws {
        var lifecycles: [ReleaseID: ReleaseLifecycle] = [:]
        try transaction.withCursor(in: log) { cursor in
            var entry = try cursor.first()
            while let (_, value) = entry {
                var payload = try LogRecord.payloadReader(stored: value)
                if let header = try RegistrationEventHeader(from: &payload) {
                    ReleaseLifecycle.apply(header, to: &lifecycles)
                } else {
                    ReleaseLifecycle.apply(try Event(encoded: try LogRecord(stored: value).payload), to: &lifecycles)
                }
                entry = try cursor.next()
            }
        }
        try deleteAll(in: lifecycleRecords, transaction)
        for (id, lifecycle) in lifecycles {
            try transaction.put(lifecycle.encoded, for: id.storageKey, in: lifecycleRecords)
        }
        try rebuildCountingRows(in: transaction)
        try transaction.put(ProjectionStamp.current.encoded, for: ProjectionStamp.key, in: meta)
    }

    /// Packs every release's counting rows again from its rows. A release shares most rows with
    /// the one recorded before it: a merge of both releases' content addresses in key order
    /// takes those from it; the rest are read in that order, walking the rows' B-tree once.
    private func rebuildCountingRows(in transaction: Transaction) throws {
        guard let countingRowRecords else { return }
        try deleteAll(in: countingRowRecords, transaction)
        var previous: (rows: [CountingRow], addresses: [(address: RowAddress, position: Int)]) = ([], [])
        for release in try releases(in: transaction) {
            guard let hashes = try transaction.get(release.id.storageKey, in: releaseRows), hashes.count % 16 == 0 else {
                throw LedgerError.corrupt("release \(release.id) has no whole row list; run kijkglas verify")
            }
            let addresses = (0..<hashes.count / 16).map { (address: RowAddress(hashes, at: $0 * 16), position: $0) }
                .sorted { $0.address < $1.address }
            var found = [CountingRow?](repeating: nil, count: addresses.count)
            var old = previous.addresses.startIndex
            for (address, position) in addresses {
                while old < previous.addresses.endIndex, previous.addresses[old].address < address { old += 1 }
                if old < previous.addresses.endIndex, previous.addresses[old].address == address {
                    found[position] = previous.rows[previous.addresses[old].position]
                    continue
                }
                guard let bytes = try transaction.get(Array(hashes[position * 16..<position * 16 + 16]), in: rows) else {
                    throw LedgerError.corrupt("row list of \(release.id) names a row that is not stored")
                }
                found[position] = CountingRow(try Registration(encoded: bytes))
            }
            let countingRows = found.compactMap { $0 }
            try store(countingRows: countingRows, of: release.id, in: transaction)
            previous = (countingRows, addresses)
        }
    }

    /// Removes every entry of `database`.
    private func deleteAll(in database: Database, _ transaction: Transaction) throws {
        let keys = try transaction.withCursor(in: database) { cursor in
            var keys: [[UInt8]] = []
            var entry = try cursor.first()
            while let (key, _) = entry {
                keys.append(key)
                entry = try cursor.next()
            }
            return keys
        }
        for key in keys { try transaction.delete(key, in: database) }
    }
}

/// A row's content address (16 bytes) as two integers that order as LMDB orders the bytes.
private struct RowAddress: Comparable {
    let high: UInt64
    let low: UInt64

    init(_ bytes: [UInt8], at offset: Int) {
        (high, low) = bytes.withUnsafeBytes {
            (UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
             UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
        }
    }

    static func < (lhs: RowAddress, rhs: RowAddress) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
}
