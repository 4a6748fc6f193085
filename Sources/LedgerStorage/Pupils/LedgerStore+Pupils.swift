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
    func sealingPupils(
        of rows: [Registration], key: LedgerKey, ageThresholds: AgeThresholds, in transaction: Transaction
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
        var numbers = [UInt32](repeating: 0, count: rows.count)
        var unknown: [(row: Int, entry: [UInt8])] = []
        for (pupil, first) in firsts.enumerated() {
            let entry = Array(entries[pupil * width..<(pupil + 1) * width])
            if let stored = try transaction.get(entry, in: pupilIndex) {
                var reader = ByteReader(stored)
                let number = try reader.readBigEndianUInt32()
                var index = first
                repeat {
                    numbers[index] = number
                    index += 1
                } while index < rows.count && rows[index].pgn == rows[first].pgn
            } else {
                unknown.append((first, entry))
            }
        }
        if !unknown.isEmpty {
            let wrappingKey = key.wrappingKey
            let random = try PupilRecord.randomness(for: unknown.count)
            var next = try nextPupilNumber(in: transaction)
            var writer = ByteWriter()
            for (pupil, (first, entry)) in unknown.enumerated() {
                guard next <= PGN.maxPupilNumber else { throw LedgerError.rejected("the ledger has given every pupil number") }
                writer.removeAll()
                writer.write(bigEndian: next)
                try transaction.put(writer.bytes, for: entry, in: pupilIndex)
                let record = try PupilRecord(
                    sealing: rows[first].pgn, birthDate: rows[first].birthDate, wrappingWith: wrappingKey,
                    random: random[pupil * PupilRecord.randomBytes..<(pupil + 1) * PupilRecord.randomBytes])
                try transaction.put(record.encoded, for: writer.bytes, in: pupilRecords, flags: .append)
                var index = first
                repeat {
                    numbers[index] = next
                    index += 1
                } while index < rows.count && rows[index].pgn == rows[first].pgn
                next += 1
            }
            writer.removeAll()
            writer.write(bigEndian: next)
            try transaction.put(writer.bytes, for: LedgerStore.nextPupilKey, in: meta)
        }
        // A pupil's rows keep their order; pupils go in number order (a stable sort on the number).
        let inOrder = numbers.indices.dropFirst().allSatisfy { numbers[$0 - 1] <= numbers[$0] }
        let order = inOrder ? Array(rows.indices) : rows.indices.sorted { (numbers[$0], $0) < (numbers[$1], $1) }
        return order.map { index in
            var sealed = rows[index]
            sealed.pgn = PGN(storedValue: PGN.pupilNumberBase + numbers[index])
            sealed.birthDate = ageThresholds.coarsened(sealed.birthDate)
            return sealed
        }
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
