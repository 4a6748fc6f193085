import Ledger
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
        try rebuildScopeIndex(in: transaction)
        try transaction.put(ProjectionStamp.current.encoded, for: ProjectionStamp.key, in: meta)
    }

    /// Packs every release's counting rows again from its rows. A release whose row list is an
    /// edit of its base's gets the same edit, with only its own rows decoded. A whole list
    /// shares most rows with the release recorded before it: a merge of both releases' row
    /// addresses in key order takes those from it; the rest are read in that order, walking the
    /// rows' B-tree once.
    private func rebuildCountingRows(in transaction: Transaction) throws {
        guard let countingRowRecords else { return }
        try deleteAll(in: countingRowRecords, transaction)
        var previous: ReleaseID?
        for release in try releases(in: transaction) {
            defer { previous = release.id }
            switch try storedRowList(of: release.id, in: transaction) {
            case .edit(let base, _, let edit, let own):
                let ownRows = try (0..<own.count / RowAddress.width).map { try countingRow(at: RowAddress(own, at: $0), of: release.id, in: transaction) }
                try store(countingRows: .edit(base: base, edit: edit, own: PackedCountingRows(ownRows)), of: release.id, in: transaction)
            case .whole(let list):
                let before = try previous.map { (rows: try countingRows(of: $0, packed: true, in: transaction), list: try rowAddresses(of: $0, in: transaction)) }
                let earlierList = before?.list ?? []
                let earlier = (0..<earlierList.count / RowAddress.width).map { (address: RowAddress(earlierList, at: $0), position: $0) }
                    .sorted { $0.address < $1.address }
                let addresses = (0..<list.count / RowAddress.width).map { (address: RowAddress(list, at: $0), position: $0) }
                    .sorted { $0.address < $1.address }
                var found = [CountingRow?](repeating: nil, count: addresses.count)
                var old = earlier.startIndex
                for (address, position) in addresses {
                    while old < earlier.endIndex, earlier[old].address < address { old += 1 }
                    if let before, old < earlier.endIndex, earlier[old].address == address {
                        found[position] = before.rows[earlier[old].position]
                    } else {
                        found[position] = try countingRow(at: address, of: release.id, in: transaction)
                    }
                }
                try store(countingRows: .whole(PackedCountingRows(found.compactMap { $0 })), of: release.id, in: transaction)
            }
        }
    }

    /// The counting row of the stored row at `address` (of release `id`, for messages).
    private func countingRow(at address: RowAddress, of id: ReleaseID, in transaction: Transaction) throws -> CountingRow {
        guard let bytes = try transaction.get(address.bytes, in: rows) else {
            throw LedgerError.corrupt("row list of \(id) names a row that is not stored")
        }
        return CountingRow(try Registration(encoded: bytes))
    }

    /// Removes every entry of `database`.
    func deleteAll(in database: Database, _ transaction: Transaction) throws {
        for key in try transaction.keys(in: database) { try transaction.delete(key, in: database) }
    }
}
