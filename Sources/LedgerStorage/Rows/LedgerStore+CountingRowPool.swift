import Ledger
import LMDB

extension LedgerStore {
    /// The counting rows of releases `ids`, pooled in that order, from one read snapshot.
    func countingRowPool(of ids: [ReleaseID]) throws(LedgerError) -> CountingRowPool {
        try read { try countingRowPool(of: ids, in: $0) }
    }

    /// The counting rows of releases `ids`, pooled in that order, read in `transaction`.
    func countingRowPool(of ids: [ReleaseID], in transaction: Transaction) throws -> CountingRowPool {
        let packed = try hasCurrentProjections(in: transaction)
        let parts = try ids.map { try countingRows(of: $0, packed: packed, in: transaction) }
        var lists: [Int: [UInt8]] = [:]
        return try CountingRowPool(parts: parts) { part, index in
            if lists[part] == nil { lists[part] = try rowAddresses(of: ids[part], in: transaction) }
            return try row(at: index, in: lists[part] ?? [], of: ids[part], in: transaction)
        }
    }

    /// Whether the stored projections are this build's (`ProjectionStamp`); a read-only open of
    /// a ledger not yet rebuilt has older ones, or none.
    func hasCurrentProjections(in transaction: Transaction) throws -> Bool {
        try countingRowRecords != nil && transaction.get(ProjectionStamp.key, in: meta) == ProjectionStamp.current.encoded
    }

    /// The counting rows of release `id` in identity order: its stored packed projection, or,
    /// when the projections are not current (`packed` false), its rows reduced and packed.
    func countingRows(of id: ReleaseID, packed: Bool, in transaction: Transaction) throws -> PackedCountingRows {
        guard packed, let countingRowRecords else {
            return PackedCountingRows(try rows(of: id, in: transaction).map(CountingRow.init))
        }
        guard let bytes = try transaction.get(id.storageKey, in: countingRowRecords) else {
            throw LedgerError.corrupt("release \(id) has no counting rows; verify the ledger")
        }
        // The edits down to whole counting rows, composed and applied in one copy. Each base is
        // an earlier release (`CountingRowsRecord` checks), so this ends.
        var chain: [(edit: RowListEdit, own: PackedCountingRows)] = []
        var current = try CountingRowsRecord(stored: bytes, of: id)
        while case .edit(let base, let edit, let own) = current {
            chain.insert((edit, own), at: 0)
            guard let bytes = try transaction.get(base.storageKey, in: countingRowRecords) else {
                throw LedgerError.corrupt("release \(base) has no counting rows; verify the ledger")
            }
            current = try CountingRowsRecord(stored: bytes, of: base)
        }
        guard case .whole(let whole) = current else { return PackedCountingRows([]) }
        if chain.isEmpty { return whole }
        let sources = try RowSources(wholeCount: whole.count, composing: chain.map { ($0.edit, $0.own.count) })
        return try PackedCountingRows(sources: sources, packings: [whole] + chain.map(\.own))
    }

    /// Stores the counting rows of release `id`.
    func store(countingRows: CountingRowsRecord, of id: ReleaseID, in transaction: Transaction) throws {
        guard let countingRowRecords else {
            throw LedgerError.rejected("the ledger was opened read-only; recording needs a writable open")
        }
        try transaction.put(countingRows.encoded, for: id.storageKey, in: countingRowRecords)
    }

    /// Row `index` of release `id`, whose row list is `addresses`.
    func row(at index: Int, in addresses: [UInt8], of id: ReleaseID, in transaction: Transaction) throws -> Registration {
        let address = addresses.count >= (index + 1) * RowAddress.width ? RowAddress(addresses, at: index) : nil
        guard let address, let bytes = try transaction.get(address.bytes, in: rows) else {
            throw LedgerError.corrupt("release \(id) has no row \(index)")
        }
        return try Registration(encoded: bytes)
    }
}
