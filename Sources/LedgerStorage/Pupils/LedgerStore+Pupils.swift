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

    /// Seals `rows` (in identity order) in place into what the ledger stores: each PGN replaced
    /// by its pupil number and each birth date by its coarse form (`AgeThresholds`). A PGN the
    /// ledger has not seen gets the next pupil number (new pupils numbered in PGN order), an index
    /// entry and a vault entry with a new data key, sealing the birth date of its first row here;
    /// all in `transaction`, so a release's pupils land with it or not at all. Returns what it
    /// replaced, for a rerun of the transaction, and the sealed rows' identity order: pupils in
    /// number order, which need not be the PGNs' (the rows stay where they are).
    ///
    /// The index is read and written in the order of its keys, through one cursor that walks it
    /// in step with the release's keys (`Cursor.forEachValue(atSorted:)`): HMACs scatter a
    /// release's pupils over the whole index, and in PGN order every lookup would be a search of
    /// the tree.
    func sealPupils(
        of rows: inout [Registration], key: LedgerKey, ageThresholds: AgeThresholds, in transaction: Transaction
    ) throws -> (unsealed: UnsealedIdentities, order: IdentityOrder) {
        guard let pupilIndex, let pupilRecords else { throw LedgerError.rejected("the ledger is open read-only") }
        try checkKey(key, adopt: true, in: transaction)
        // Rows of one pupil are adjacent (identity order starts with the PGN): one lookup each.
        var firsts: [Int] = []
        var pgns: [PGN] = []
        rows.withUnsafeBufferPointer { rows in
            for index in rows.indices where index == 0 || rows[index - 1].pgn != rows[index].pgn {
                firsts.append(index)
                pgns.append(rows[index].pgn)
            }
        }
        guard !pgns.contains(where: \.isPupilNumber) else {
            throw LedgerError.rejected("a row to record holds a pupil number, not a PGN")
        }
        let width = PupilIndexHasher.width
        // The pupils by index key: `inKeyOrder.positions[rank]` is the pupil with key `rank`.
        let inKeyOrder = PupilIndexHasher.inKeyOrder(PupilIndexHasher(key: key).entries(of: pgns))
        func indexKey(_ rank: Int) -> ArraySlice<UInt8> { inKeyOrder.keys[rank * width..<(rank + 1) * width] }
        // Each pupil's number; 0 (no pupil number) until known or given.
        var pupilNumbers = [UInt32](repeating: 0, count: firsts.count)
        try transaction.withCursor(in: pupilIndex) { cursor in
            try inKeyOrder.keys.withUnsafeBytes { keys in
                try cursor.forEachValue(atSorted: keys, width: width) { rank, stored in
                    guard stored.count == 4 else { throw LedgerError.corrupt("a pupil index entry is not a pupil number") }
                    pupilNumbers[inKeyOrder.positions[rank]] = UInt32(bigEndian: stored.loadUnaligned(as: UInt32.self))
                }
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
                for (rank, pupil) in inKeyOrder.positions.enumerated() where pupilNumbers[pupil] >= first {
                    writer.removeAll()
                    writer.write(bigEndian: pupilNumbers[pupil])
                    try cursor.put(writer.bytes, for: indexKey(rank))
                }
            }
            let identities = newPupils.map { (pgn: pgns[$0], birthDate: rows[firsts[$0]].birthDate) }
            for (offset, record) in try PupilRecord.sealing(identities, key: key).enumerated() {
                writer.removeAll()
                writer.write(bigEndian: pupilNumbers[newPupils[offset]])
                try transaction.put(record, for: writer.bytes, in: pupilRecords, flags: .append)
            }
            writer.removeAll()
            writer.write(bigEndian: first + UInt32(newPupils.count))
            try transaction.put(writer.bytes, for: LedgerStore.nextPupilKey, in: meta)
        }
        let unsealed = UnsealedIdentities.seal(&rows, firsts: firsts, pupilNumbers: pupilNumbers, ageThresholds: ageThresholds)
        return (unsealed, IdentityOrder(positions: Self.sealedOrder(firsts: firsts, rowCount: rows.count, pupilNumbers: pupilNumbers)))
    }

    /// The positions of the rows in identity order once sealed: pupils in number order, a pupil's
    /// rows in the order they have (the rows of pupil `p` start at `firsts[p]`); nil when the
    /// numbers rise with the pupils already, as they do when every pupil was numbered in one
    /// release.
    static func sealedOrder(firsts: [Int], rowCount: Int, pupilNumbers: [UInt32]) -> [Int]? {
        guard pupilNumbers.indices.dropFirst().contains(where: { pupilNumbers[$0 - 1] > pupilNumbers[$0] }),
            let lowest = pupilNumbers.min(), let highest = pupilNumbers.max()
        else { return nil }
        // The pupils in number order: placed by number where the numbers lie close together (a
        // release of one SWV in a ledger of many does not), else sorted as number-and-pupil words.
        let byNumber: [Int]
        let span = Int(highest - lowest) + 1
        if span <= 4 * pupilNumbers.count {
            var slots = [Int32](repeating: -1, count: span)
            for (pupil, number) in pupilNumbers.enumerated() { slots[Int(number - lowest)] = Int32(pupil) }
            byNumber = slots.compactMap { $0 < 0 ? nil : Int($0) }
        } else {
            byNumber = pupilNumbers.enumerated().map { UInt64($0.element) << 32 | UInt64($0.offset) }.sorted().map { Int($0 & 0xffff_ffff) }
        }
        var order: [Int] = []
        order.reserveCapacity(rowCount)
        for pupil in byNumber {
            order += firsts[pupil]..<(pupil + 1 < firsts.count ? firsts[pupil + 1] : rowCount)
        }
        return order
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
