import Ledger
import LMDB

extension LedgerStore {
    /// Every subscriber, by name.
    public func subscribers() throws(LedgerError) -> [Subscriber] {
        guard let subscriberRecords else { return [] }
        return try read { transaction in
            try transaction.withCursor(in: subscriberRecords) { cursor in
                var result: [Subscriber] = []
                var entry = try cursor.first()
                while let (key, value) = entry {
                    result.append(try Subscriber(name: String(decoding: key, as: UTF8.self), encoded: value))
                    entry = try cursor.next()
                }
                return result
            }
        }
    }

    /// The subscriber called `name`, or nil when there is none.
    public func subscriber(named name: String) throws(LedgerError) -> Subscriber? {
        guard let subscriberRecords else { return nil }
        return try read { transaction in
            try transaction.get(Array(name.utf8), in: subscriberRecords).map { try Subscriber(name: name, encoded: $0) }
        }
    }

    /// Creates the subscriber `name` with its cursor before the first event, so its first
    /// digest holds the whole log; returns the existing one when it is there already.
    /// - Throws: `LedgerError.rejected` for a name that `Subscriber.isValidName` refuses.
    public func createSubscriber(named name: String) throws(LedgerError) -> Subscriber {
        guard Subscriber.isValidName(name) else {
            throw .rejected("subscriber name '\(name)' is not 1–64 letters, digits, '.', '_' or '-'")
        }
        let database = try writableSubscribers()
        return try write { transaction in
            if let existing = try transaction.get(Array(name.utf8), in: database) {
                return try Subscriber(name: name, encoded: existing)
            }
            let created = Subscriber(name: name, acknowledged: 0)
            try transaction.put(created.encoded, for: Array(name.utf8), in: database)
            return created
        }
    }

    /// Moves the cursor of `name` to `sequence` in one write transaction, never backwards: an
    /// acknowledgement older than the cursor leaves it where it is.
    /// - Throws: `LedgerError.rejected` for an unknown subscriber or a sequence past the
    ///   log's end. Nothing is written then.
    @discardableResult
    public func acknowledge(_ name: String, through sequence: UInt64) throws(LedgerError) -> Subscriber {
        let database = try writableSubscribers()
        return try write { transaction in
            guard let stored = try transaction.get(Array(name.utf8), in: database) else {
                throw LedgerError.rejected("no subscriber '\(name)'; nothing was acknowledged")
            }
            let current = try Subscriber(name: name, encoded: stored)
            let end = try head(in: transaction).sequence
            guard sequence <= end else {
                throw LedgerError.rejected("cannot acknowledge event \(sequence): the log ends at \(end)")
            }
            guard sequence > current.acknowledged else { return current }
            let moved = Subscriber(name: name, acknowledged: sequence)
            try transaction.put(moved.encoded, for: Array(name.utf8), in: database)
            return moved
        }
    }

    /// The digest of every event after `subscriber`'s cursor, read in one snapshot.
    public func digest(for subscriber: Subscriber) throws(LedgerError) -> ChangeDigest {
        try read { transaction in
            let releases = Dictionary(uniqueKeysWithValues: try releases(in: transaction).map { ($0.id, $0) })
            let entries = try transaction.withCursor(in: log) { cursor in
                var entries: [ChangeDigest.Entry] = []
                var entry = try cursor.seek(atOrAfter: LogRecord.key(subscriber.acknowledged + 1))
                while let (key, value) = entry {
                    var keyReader = ByteReader(key)
                    let sequence = try keyReader.readBigEndianUInt64()
                    entries.append(.init(sequence: sequence, event: try Event(encoded: try LogRecord(stored: value).payload)))
                    entry = try cursor.next()
                }
                return entries
            }
            var previousYear: [ReleaseID: PreviousYearRewrite] = [:]
            for entry in entries {
                guard case .releaseRecorded(let recorded) = entry.event, let release = releases[recorded.id],
                    let rewrite = try previousYearRewrite(of: release, in: transaction), !rewrite.registrations.isEmpty
                else { continue }
                previousYear[release.id] = rewrite
            }
            return ChangeDigest(
                subscriber: subscriber.name, after: subscriber.acknowledged, entries: entries, releases: releases, previousYear: previousYear)
        }
    }

    private func writableSubscribers() throws(LedgerError) -> Database {
        guard let subscriberRecords else {
            throw .rejected("the ledger was opened read-only; subscribers need a writable open")
        }
        return subscriberRecords
    }
}
