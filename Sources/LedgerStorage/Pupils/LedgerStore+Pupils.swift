import Crypto
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

    /// Whether the ledger has sealed pupils with a key (and so checks the key it is given).
    public func hasKey() throws(LedgerError) -> Bool {
        try read { try $0.get(LedgerStore.keyCheckKey, in: meta) != nil }
    }

    /// Refuses `key` unless it is the ledger's (any key serves a ledger that has sealed no pupil).
    public func check(_ key: LedgerKey) throws(LedgerError) {
        try read { try checkKey(key, adopt: false, in: $0) }
    }

    /// The pupil index's key for `pgn`: the first 16 bytes of HMAC-SHA256 of its nine digits.
    static func indexEntry(of pgn: PGN, with indexKey: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(pgn.digits.utf8), using: indexKey).prefix(16))
    }

    /// `rows` as the ledger stores them: each PGN replaced by its pupil number and each birth date
    /// by its coarse form (`AgeThresholds`). A PGN the ledger has not seen gets the next pupil
    /// number, an index entry and a vault entry with a new data key, sealing the birth date of its
    /// first row here; all in `transaction`, so a release's pupils land with it or not at all.
    func sealingPupils(
        of rows: [Registration], key: LedgerKey, ageThresholds: AgeThresholds, in transaction: Transaction
    ) throws -> [Registration] {
        guard let pupilIndex, let pupilRecords else { throw LedgerError.rejected("the ledger is open read-only") }
        try checkKey(key, adopt: true, in: transaction)
        let indexKey = key.indexKey
        let wrappingKey = key.wrappingKey
        var numbers: [PGN: PGN] = [:]
        var unknown: [PGN] = []
        var firstBirthDate: [PGN: Day] = [:]
        for row in rows where numbers[row.pgn] == nil {
            guard !row.pgn.isPupilNumber else { throw LedgerError.rejected("a row to record holds a pupil number, not a PGN") }
            if let stored = try transaction.get(LedgerStore.indexEntry(of: row.pgn, with: indexKey), in: pupilIndex) {
                var reader = ByteReader(stored)
                numbers[row.pgn] = PGN(storedValue: PGN.pupilNumberBase + (try reader.readBigEndianUInt32()))
            } else {
                numbers[row.pgn] = row.pgn
                unknown.append(row.pgn)
                if let birthDate = row.birthDate { firstBirthDate[row.pgn] = birthDate }
            }
        }
        if !unknown.isEmpty {
            var next = try nextPupilNumber(in: transaction)
            for pgn in unknown.sorted() {
                guard let number = PGN(pupilNumber: next) else { throw LedgerError.rejected("the ledger has given every pupil number") }
                var storageKey = ByteWriter()
                storageKey.write(bigEndian: next)
                try transaction.put(storageKey.bytes, for: LedgerStore.indexEntry(of: pgn, with: indexKey), in: pupilIndex)
                let record = try PupilRecord(sealing: pgn, birthDate: firstBirthDate[pgn], wrappingWith: wrappingKey)
                try transaction.put(record.encoded, for: storageKey.bytes, in: pupilRecords, flags: .append)
                numbers[pgn] = number
                next += 1
            }
            var writer = ByteWriter()
            writer.write(bigEndian: next)
            try transaction.put(writer.bytes, for: LedgerStore.nextPupilKey, in: meta)
        }
        var sealed = rows
        for index in sealed.indices {
            guard let number = numbers[sealed[index].pgn], number.isPupilNumber else {
                throw LedgerError.corrupt("a row's pupil got no number")
            }
            sealed[index].pgn = number
            sealed[index].birthDate = ageThresholds.coarsened(sealed[index].birthDate)
        }
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
            guard let pupilIndex, let stored = try transaction.get(LedgerStore.indexEntry(of: pgn, with: key.indexKey), in: pupilIndex) else {
                return nil
            }
            var reader = ByteReader(stored)
            return PGN(pupilNumber: try reader.readBigEndianUInt32())
        }
    }
}
