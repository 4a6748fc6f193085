import Ledger
import LMDB

extension LedgerStore {
    /// Every release, by number.
    public func releases() throws(LedgerError) -> [Release] {
        try read { try releases(in: $0) }
    }

    /// One release.
    public func release(_ id: ReleaseID) throws(LedgerError) -> Release {
        try read { try release(storageKey: id.storageKey, in: $0) }
    }

    /// The rows of a release, in identity order.
    public func rows(of id: ReleaseID) throws(LedgerError) -> [Registration] {
        try read { try rows(of: id, in: $0) }
    }

    /// The figures a figures release states; empty for a release of another content.
    public func figures(of id: ReleaseID) throws(LedgerError) -> [StatedFigure] {
        try read { try figures(of: id, in: $0) }
    }

    func figures(of id: ReleaseID, in transaction: Transaction) throws -> [StatedFigure] {
        guard let figureRecords, let bytes = try transaction.get(id.storageKey, in: figureRecords) else { return [] }
        var reader = ByteReader(bytes)
        let figures = try StatedFigure.decodeList(from: &reader)
        guard reader.isAtEnd else { throw RecordDecodingError(offset: reader.offset, expected: "end of the figures") }
        return figures
    }

    /// The lifecycle of every release.
    public func lifecycles() throws(LedgerError) -> [ReleaseID: ReleaseLifecycle] {
        try read { transaction in
            try Dictionary(uniqueKeysWithValues: releases(in: transaction).map { ($0.id, try lifecycle(of: $0.id, in: transaction)) })
        }
    }

    /// Calls `body` with each event from sequence `first` on, in order, until it returns false.
    /// - Throws: `LedgerError.corrupt` at a record that does not decode.
    public func forEachEvent(from first: UInt64 = 1, _ body: (UInt64, Event) throws -> Bool) throws(LedgerError) {
        try read { transaction in
            try transaction.withCursor(in: log) { cursor in
                var entry = try cursor.seek(atOrAfter: LogRecord.key(first))
                while let (key, value) = entry {
                    var keyReader = ByteReader(key)
                    let sequence = try keyReader.readBigEndianUInt64()
                    let event = try Event(encoded: try LogRecord(stored: value).payload)
                    guard try body(sequence, event) else { return }
                    entry = try cursor.next()
                }
            }
        }
    }

    /// The number of events in the log.
    public func eventCount() throws(LedgerError) -> UInt64 {
        try read { try head(in: $0).sequence }
    }

    func releases(in transaction: Transaction) throws -> [Release] {
        try transaction.withCursor(in: releaseRecords) { cursor in
            var result: [Release] = []
            var entry = try cursor.first()
            while let (_, value) = entry {
                result.append(try Release(encoded: value))
                entry = try cursor.next()
            }
            return result
        }
    }

    func release(storageKey: [UInt8], in transaction: Transaction) throws -> Release {
        guard let bytes = try transaction.get(storageKey, in: releaseRecords) else {
            var reader = ByteReader(storageKey)
            throw LedgerError.unknownRelease(ReleaseID(try reader.readBigEndianUInt32()))
        }
        return try Release(encoded: bytes)
    }

    func lifecycle(of id: ReleaseID, in transaction: Transaction) throws -> ReleaseLifecycle {
        guard let bytes = try transaction.get(id.storageKey, in: lifecycleRecords) else {
            throw LedgerError.corrupt("release \(id) has no lifecycle record")
        }
        return try ReleaseLifecycle(encoded: bytes)
    }

    /// Release `id`'s row list: its rows' `RowAddress`es, in identity order (edits applied).
    func rowAddresses(of id: ReleaseID, in transaction: Transaction) throws -> [UInt8] {
        try rowAddresses(of: id, storedAs: storedRowList(of: id, in: transaction), in: transaction)
    }

    /// Release `id`'s row list from `list`, its stored form: the edits down to a whole list,
    /// composed and applied in one copy.
    func rowAddresses(of id: ReleaseID, storedAs list: RowListRecord, in transaction: Transaction) throws -> [UInt8] {
        var chain: [(edit: RowListEdit, own: [UInt8])] = []
        var current = list
        // Each base is an earlier release (`RowListRecord` checks), so this ends.
        while case .edit(let base, _, let edit, let own) = current {
            chain.insert((edit, own), at: 0)
            current = try storedRowList(of: base, in: transaction)
        }
        guard case .whole(let whole) = current else { return [] }
        let width = RowAddress.width
        let sources = try RowSources(wholeCount: whole.count / width, composing: chain.map { ($0.edit, $0.own.count / width) })
        return sources.entries(from: [whole] + chain.map(\.own), width: width)
    }

    /// Release `id`'s row list as stored.
    func storedRowList(of id: ReleaseID, in transaction: Transaction) throws -> RowListRecord {
        guard let bytes = try transaction.get(id.storageKey, in: releaseRows) else { throw LedgerError.unknownRelease(id) }
        return try RowListRecord(stored: bytes, of: id)
    }

    /// The rows of release `id`; with `verifyingAddresses`, also checks that each stored row
    /// still hashes to its content address.
    func rows(of id: ReleaseID, in transaction: Transaction, verifyingAddresses: Bool = false) throws -> [Registration] {
        try rows(at: rowAddresses(of: id, in: transaction), of: id, in: transaction, verifyingAddresses: verifyingAddresses)
    }

    /// The rows at `addresses` (a row list of release `id`, for messages).
    func rows(at addresses: [UInt8], of id: ReleaseID, in transaction: Transaction, verifyingAddresses: Bool = false) throws
        -> [Registration]
    {
        try (0..<addresses.count / RowAddress.width).map { index in
            let address = RowAddress(addresses, at: index)
            guard let bytes = try transaction.get(address.bytes, in: rows) else {
                throw LedgerError.corrupt("row list of \(id) names a row that is not stored")
            }
            if verifyingAddresses, !address.isAddress(of: bytes) {
                throw LedgerError.corrupt("a stored row of \(id) does not match its hash")
            }
            return try Registration(encoded: bytes)
        }
    }
}
