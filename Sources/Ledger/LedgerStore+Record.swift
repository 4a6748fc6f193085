import LMDB

/// What recording a release did.
public enum RecordOutcome: Sendable {
    /// The release is new: recorded with this many events (its `ReleaseRecorded` included).
    case recorded(Release, eventCount: Int)
    /// A file with the same SHA-256 was recorded before, as this release; nothing was written.
    case alreadyRecorded(Release)
}

extension LedgerStore {
    /// Records a release in one write transaction: release record, rows, the events that diff
    /// it against the previous release of its scope, and the new chain head.
    ///
    /// The base is the latest release of the same scope published on or before this one.
    /// - Throws: `LedgerError.rejected` for two rows with one identity; storage errors.
    public func record(_ incoming: IncomingRelease) throws(LedgerError) -> RecordOutcome {
        let sortedRows = incoming.rows.sorted { $0.key < $1.key }
        for (a, b) in zip(sortedRows, sortedRows.dropFirst()) where a.key == b.key {
            throw .rejected("two rows have the identity \(a.key)")
        }
        return try write { transaction in
            if let known = try transaction.get(incoming.fileSHA256, in: files) {
                return .alreadyRecorded(try release(storageKey: known, in: transaction))
            }
            let existing = try releases(in: transaction)
            let id = ReleaseID((existing.map(\.id.value).max() ?? 0) + 1)
            let base = existing
                .filter { $0.scope == incoming.scope && $0.publishedOn <= incoming.publishedOn }
                .max { ($0.publishedOn, $0.id) < ($1.publishedOn, $1.id) }
            let baseRows = try base.map { try rows(of: $0.id, in: transaction) } ?? []
            let release = Release(
                id: id, scope: incoming.scope, publishedOn: incoming.publishedOn, fileName: incoming.fileName,
                fileSHA256: incoming.fileSHA256, rowCount: sortedRows.count, base: base?.id)

            var hashes: [UInt8] = []
            hashes.reserveCapacity(sortedRows.count * 16)
            for row in sortedRows {
                let encoded = row.encoded
                let hash = LedgerStore.rowHash(encoded)
                if try transaction.get(hash, in: rows) == nil {
                    try transaction.put(encoded, for: hash, in: rows)
                }
                hashes += hash
            }
            try transaction.put(hashes, for: id.storageKey, in: releaseRows)
            try transaction.put(release.encoded, for: id.storageKey, in: releaseRecords)
            try transaction.put(id.storageKey, for: incoming.fileSHA256, in: files)

            let changes = RegistrationDiff.changes(
                from: baseRows, to: sortedRows, basePublished: base?.publishedOn, published: incoming.publishedOn)
            var events: [Event] = [.releaseRecorded(release)]
            events += changes.map { change in
                .registration(
                    RegistrationEvent(
                        release: id, base: base?.id, classification: change.classification, key: change.key,
                        change: change.change))
            }
            try append(events, in: transaction)
            return .recorded(release, eventCount: events.count)
        }
    }

    /// Appends events after the head with `MDB_APPEND`, chaining each record, and moves the head.
    func append(_ events: [Event], in transaction: Transaction) throws {
        var (sequence, chain) = try head(in: transaction)
        for event in events {
            sequence += 1
            let record = LogRecord(sequence: sequence, payload: event.encoded, previousChain: chain)
            try transaction.put(record.stored, for: LogRecord.key(sequence), in: log, flags: .append)
            chain = record.chain
        }
        try transaction.put(LogRecord.key(sequence) + chain, for: Array("head".utf8), in: meta)
    }
}
