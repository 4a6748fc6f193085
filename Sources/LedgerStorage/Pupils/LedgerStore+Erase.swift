import Ledger
import LMDB

extension LedgerStore {
    /// `meta` key set by an erasure and removed by `compact(_:)`: until then the data file's freed
    /// pages may still hold an erased pupil's sealed entry and index key.
    static let compactionDueKey = Array("compaction-due".utf8)

    /// Forgets `pupils` (pupil numbers) in one write transaction: deletes each pupil's vault entry
    /// (its wrapped data key and sealed identity) and index entry, and appends a `PupilErased`
    /// event for each, on `day` for `reason`. Rows, events and projections keep the pupil number,
    /// so every answer stays what it was; the PGN can no longer be shown or found. The data file
    /// is marked for compaction (`compactionDue`).
    /// - Throws: `.rejected` when a pupil is no pupil number, not in the ledger or erased already,
    ///   or the ledger is open read-only; `.wrongKey` when `key` is not the ledger's. Nothing is
    ///   written then.
    public func erase(_ pupils: [PGN], on day: Day, reason: String, key: LedgerKey) throws(LedgerError) {
        guard let pupilIndex, let pupilRecords else { throw .rejected("the ledger is open read-only") }
        try write { transaction in
            try checkKey(key, adopt: false, in: transaction)
            let hasher = PupilIndexHasher(key: key)
            let wrappingKey = key.wrappingKey
            var seen: Set<PGN> = []
            var events: [Event] = []
            for pupil in pupils where seen.insert(pupil).inserted {
                guard let number = pupil.pupilNumber else { throw LedgerError.rejected("a pupil to erase is named by PGN, not by pupil number") }
                var storageKey = ByteWriter()
                storageKey.write(bigEndian: number)
                guard let stored = try transaction.get(storageKey.bytes, in: pupilRecords) else {
                    throw LedgerError.rejected("pupil \(pupil.masked) is not in this ledger or was erased already")
                }
                let identity = try PupilRecord(stored: stored).identity(unwrappingWith: wrappingKey, file: key.file)
                let entry = hasher.entry(of: identity.pgn)
                guard try transaction.get(entry, in: pupilIndex) == storageKey.bytes else {
                    throw LedgerError.corrupt("the pupil index does not name pupil \(pupil.masked) under its PGN; verify the ledger")
                }
                _ = try transaction.delete(entry, in: pupilIndex)
                _ = try transaction.delete(storageKey.bytes, in: pupilRecords)
                events.append(.pupilErased(pupil: pupil, on: day, reason: reason))
            }
            guard !events.isEmpty else { return }
            try append(events, in: transaction)
            try transaction.put([1], for: LedgerStore.compactionDueKey, in: meta)
        }
    }

    /// Whether an erasure happened since the ledger was last compacted: its data file may still
    /// hold an erased pupil's sealed entry in freed pages.
    public func compactionDue() throws(LedgerError) -> Bool {
        try read { try $0.get(LedgerStore.compactionDueKey, in: meta) != nil }
    }

    /// The pupil numbers of every pupil with a vault entry: those the ledger can still name.
    public func sealedPupils() throws(LedgerError) -> [PGN] {
        guard let pupilRecords else { return [] }
        return try read { transaction in
            try transaction.keys(in: pupilRecords).map { key in
                var reader = ByteReader(key)
                guard let pupil = PGN(pupilNumber: try reader.readBigEndianUInt32()) else {
                    throw LedgerError.corrupt("the vault holds an entry that is no pupil number")
                }
                return pupil
            }
        }
    }
}
