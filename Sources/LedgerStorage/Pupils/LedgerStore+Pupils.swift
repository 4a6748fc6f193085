import Ledger
import LMDB

extension LedgerStore {
    /// `meta` key of the key check: what the ledger's key derives, so another key is refused.
    static let keyCheckKey = Array("key-check".utf8)
    /// `meta` key of the next pupil number to give (big-endian UInt32).
    static let nextPupilKey = Array("next-pupil".utf8)

    /// Refuses `key` unless it is the ledger's; a ledger that has none yet takes it when `adopt`.
    func checkKey(_ key: LedgerKey, adopt: Bool, in transaction: Transaction) throws {
        if let stored = try transaction.get(LedgerStore.keyCheckKey, in: meta) {
            guard stored == key.check else { throw LedgerError.wrongKey(key.file) }
        } else if adopt {
            try transaction.put(key.check, for: LedgerStore.keyCheckKey, in: meta)
        }
    }

    /// Refuses `key` unless it is the ledger's (any key serves a ledger that has sealed no pupil).
    public func check(_ key: LedgerKey) throws(LedgerError) {
        try read { try checkKey(key, adopt: false, in: $0) }
    }

    /// `rows` (in identity order) as the ledger stores them, in identity order: each PGN replaced
    /// by its pupil number and each birth date by its coarse form (`AgeThresholds`). A PGN the
    /// ledger has not seen gets the next pupil number (new pupils numbered in PGN order), an index
    /// entry and a vault entry with a new data key, sealing the birth date of its first row here;
    /// all in `transaction`, so a release's pupils land with it or not at all.
    ///
    /// The index is read and written in the order of its keys, through one cursor, so each
    /// lookup starts from the leaf page of the one before instead of from the root: HMACs scatter
    /// a release's pupils over the whole index, and in PGN order every lookup would be a search
    /// of the tree.
    func sealingPupils(
        of rows: consuming [Registration], key: LedgerKey, ageThresholds: AgeThresholds, in transaction: Transaction
    ) throws -> [Registration] {
        guard let pupilIndex, let pupilRecords else { throw LedgerError.rejected("the ledger is open read-only") }
        try checkKey(key, adopt: true, in: transaction)
        // Rows of one pupil are adjacent (identity order starts with the PGN): one lookup each.
        let firsts = rows.indices.filter { $0 == 0 || rows[$0 - 1].pgn != rows[$0].pgn }
        guard !firsts.contains(where: { rows[$0].pgn.isPupilNumber }) else {
            throw LedgerError.rejected("a row to record holds a pupil number, not a PGN")
        }
        let width = PupilIndexHasher.width
        let entries = PupilIndexHasher(key: key).entries(of: firsts.map { rows[$0].pgn })
        func entry(_ pupil: Int) -> [UInt8] { Array(entries[pupil * width..<(pupil + 1) * width]) }
        let keyOrder = PupilIndexHasher.keyOrder(of: entries)
        // Each pupil's number; 0 (no pupil number) until known or given.
        var pupilNumbers = [UInt32](repeating: 0, count: firsts.count)
        try transaction.withCursor(in: pupilIndex) { cursor in
            for pupil in keyOrder {
                pupilNumbers[pupil] =
                    try cursor.withValue(at: entry(pupil)) { stored in
                        guard stored.count == 4 else { throw LedgerError.corrupt("a pupil index entry is not a pupil number") }
                        return UInt32(bigEndian: stored.loadUnaligned(as: UInt32.self))
                    } ?? 0
            }
        }
        let newPupils = pupilNumbers.indices.filter { pupilNumbers[$0] == 0 }
        if !newPupils.isEmpty {
            let first = try nextPupilNumber(in: transaction)
            guard newPupils.count <= Int(PGN.maxPupilNumber) - Int(first) + 1 else {
                throw LedgerError.rejected("the ledger has given every pupil number")
            }
            for (offset, pupil) in newPupils.enumerated() { pupilNumbers[pupil] = first + UInt32(offset) }
            var writer = ByteWriter()
            try transaction.withCursor(in: pupilIndex) { cursor in
                for pupil in keyOrder where pupilNumbers[pupil] >= first {
                    writer.removeAll()
                    writer.write(bigEndian: pupilNumbers[pupil])
                    try cursor.put(writer.bytes, for: entry(pupil))
                }
            }
            let wrappingKey = key.wrappingKey
            let random = try PupilRecord.randomness(for: newPupils.count)
            for (offset, pupil) in newPupils.enumerated() {
                let row = rows[firsts[pupil]]
                let record = try PupilRecord(
                    sealing: row.pgn, birthDate: row.birthDate, wrappingWith: wrappingKey,
                    random: random[offset * PupilRecord.randomBytes..<(offset + 1) * PupilRecord.randomBytes])
                writer.removeAll()
                writer.write(bigEndian: pupilNumbers[pupil])
                try transaction.put(record.encoded, for: writer.bytes, in: pupilRecords, flags: .append)
            }
            writer.removeAll()
            writer.write(bigEndian: first + UInt32(newPupils.count))
            try transaction.put(writer.bytes, for: LedgerStore.nextPupilKey, in: meta)
        }
        // Sealed in place, then back in identity order: pupils in number order, a pupil's rows in
        // the order they had.
        var sealed = consume rows
        var inOrder = true
        for (pupil, first) in firsts.enumerated() {
            let number = pupilNumbers[pupil]
            if pupil > 0 && pupilNumbers[pupil - 1] > number { inOrder = false }
            for index in first..<(pupil + 1 < firsts.count ? firsts[pupil + 1] : sealed.count) {
                sealed[index].pgn = PGN(storedValue: PGN.pupilNumberBase + number)
                sealed[index].birthDate = ageThresholds.coarsened(sealed[index].birthDate)
            }
        }
        if !inOrder { sealed.sort { RegistrationDiff.compareIdentity($0, $1) < 0 } }
        return sealed
    }

    /// The next pupil number to give: 1 in a ledger that has given none.
    func nextPupilNumber(in transaction: Transaction) throws -> UInt32 {
        guard let stored = try transaction.get(LedgerStore.nextPupilKey, in: meta) else { return 1 }
        var reader = ByteReader(stored)
        return try reader.readBigEndianUInt32()
    }

    /// The PGNs of `pupils` (pupil numbers) unsealed with `key`; a pupil number without a vault
    /// entry, and anything that is no pupil number, is left out.
    /// - Throws: `LedgerError.wrongKey` when `key` is not the ledger's.
    public func identities(of pupils: some Sequence<PGN>, key: LedgerKey) throws(LedgerError) -> [PGN: PGN] {
        try read { transaction in
            try checkKey(key, adopt: false, in: transaction)
            guard let pupilRecords else { return [:] }
            let wrappingKey = key.wrappingKey
            var found: [PGN: PGN] = [:]
            for pupil in pupils where found[pupil] == nil {
                guard let number = pupil.pupilNumber else { continue }
                var storageKey = ByteWriter()
                storageKey.write(bigEndian: number)
                guard let stored = try transaction.get(storageKey.bytes, in: pupilRecords) else { continue }
                found[pupil] = try PupilRecord(stored: stored).identity(unwrappingWith: wrappingKey, file: key.file).pgn
            }
            return found
        }
    }

    /// The pupil number of `pgn` in this ledger; nil when it holds no such pupil.
    /// - Throws: `LedgerError.wrongKey` when `key` is not the ledger's.
    public func pupilNumber(of pgn: PGN, key: LedgerKey) throws(LedgerError) -> PGN? {
        try read { transaction in
            try checkKey(key, adopt: false, in: transaction)
            guard let pupilIndex, let stored = try transaction.get(PupilIndexHasher(key: key).entry(of: pgn), in: pupilIndex) else {
                return nil
            }
            var reader = ByteReader(stored)
            return PGN(pupilNumber: try reader.readBigEndianUInt32())
        }
    }
}
