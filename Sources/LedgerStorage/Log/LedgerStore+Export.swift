import Ledger
import Foundation
import LMDB

extension LedgerStore {
    /// Writes the whole log as NDJSON to a new file at `path` (owner-only): one line per record,
    /// `{"sequence":N,"record":"<base64 of the stored record>"}`, then the pupil vault:
    /// `{"keyCheck":"<base64>","nextPupil":N}` and one `{"pupil":N,"sealed":"<base64 of the
    /// stored entry>"}` per pupil. The records carry everything else (releases, rows, lifecycles
    /// are folds of them), so `importLog` rebuilds the ledger exactly. Like the ledger, the export
    /// names pupils by number and holds their identities sealed: it is readable only with the key.
    /// - Returns: the number of records written.
    public func exportLog(to path: String) throws(LedgerError) -> UInt64 {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .rejected("cannot create \(path)") }
        defer { try? handle.close() }
        var count: UInt64 = 0
        try read { transaction in
            try transaction.withCursor(in: log) { cursor in
                var buffer = Data()
                var entry = try cursor.first()
                while let (key, value) = entry {
                    var reader = ByteReader(key)
                    let sequence = try reader.readBigEndianUInt64()
                    buffer.append(Data("{\"sequence\":\(sequence),\"record\":\"\(Data(value).base64EncodedString())\"}\n".utf8))
                    if buffer.count > 1 << 20 {
                        try handle.write(contentsOf: buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                    count += 1
                    entry = try cursor.next()
                }
                try handle.write(contentsOf: buffer)
            }
            try exportVault(in: transaction, to: handle)
        }
        return count
    }

    /// Writes the vault's lines of an export (none while the ledger has sealed no pupil).
    private func exportVault(in transaction: Transaction, to handle: FileHandle) throws {
        guard let pupilRecords, let keyCheck = try transaction.get(LedgerStore.keyCheckKey, in: meta) else { return }
        var buffer = Data(
            "{\"keyCheck\":\"\(Data(keyCheck).base64EncodedString())\",\"nextPupil\":\(try nextPupilNumber(in: transaction))}\n".utf8)
        try transaction.withCursor(in: pupilRecords) { cursor in
            var entry = try cursor.first()
            while let (key, value) = entry {
                var reader = ByteReader(key)
                buffer.append(Data("{\"pupil\":\(try reader.readBigEndianUInt32()),\"sealed\":\"\(Data(value).base64EncodedString())\"}\n".utf8))
                if buffer.count > 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
                entry = try cursor.next()
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// Builds a new ledger in `directory` (which must hold none) from a log exported with
    /// `exportLog`, in one write transaction: every record is checked (gap-free sequence,
    /// CRC32C, chain); releases, rows, stated figures, file hashes and lifecycles are rebuilt by
    /// folding the events. The new ledger is verified.
    ///
    /// An export of this storage format is appended unchanged and its vault stored as it is (the
    /// pupil index rebuilt by unsealing each entry with `key`, which must be the exporting
    /// ledger's). An export of storage format 2 names pupils by PGN: it is upgraded as `LogUpgrade`
    /// describes, each pupil sealed with `key` and each birth date coarsened to `ageThresholds`,
    /// and chained anew.
    /// - Throws: `LedgerError.rejected` naming the line of an export that does not check out,
    ///   `LedgerError.wrongKey` when `key` is not the exporting ledger's; nothing is written then.
    public static func importLog(
        from path: String, into directory: String, key: LedgerKey, ageThresholds: AgeThresholds
    ) throws(LedgerError) -> VerifyReport {
        guard !LedgerStore.holdsLedger(directory) else {
            throw .rejected("\(directory) already holds a ledger; import into a new directory")
        }
        let export = try ExportedLog(path: path)
        var records = export.records
        var vault = export.vault
        if let vault {
            guard vault.keyCheck == key.check else { throw .wrongKey(key.file) }
        } else {
            let upgrade = try LedgerError.mapping { try LogUpgrade(records, key: key, ageThresholds: ageThresholds) }
            records = upgrade.records
            vault = upgrade.vault
        }
        let store = try LedgerStore(directory: directory)
        try store.write { transaction in
            try store.replay(records, in: transaction)
            if let vault { try store.storeVault(vault, key: key, in: transaction) }
        }
        return try store.verify()
    }

    /// Stores an exported vault: the key check, the next pupil number, every entry as it is, and
    /// the index rebuilt by unsealing each with `key`.
    private func storeVault(_ vault: ExportedVault, key: LedgerKey, in transaction: Transaction) throws {
        guard let pupilIndex, let pupilRecords else { throw LedgerError.rejected("the ledger is open read-only") }
        try transaction.put(vault.keyCheck, for: LedgerStore.keyCheckKey, in: meta)
        var next = ByteWriter()
        next.write(bigEndian: vault.nextPupil)
        try transaction.put(next.bytes, for: LedgerStore.nextPupilKey, in: meta)
        let hasher = PupilIndexHasher(key: key)
        let wrappingKey = key.wrappingKey
        for (number, stored) in vault.pupils {
            let pgn = try PupilRecord(stored: stored).identity(unwrappingWith: wrappingKey, file: key.file).pgn
            var storageKey = ByteWriter()
            storageKey.write(bigEndian: number)
            try transaction.put(stored, for: storageKey.bytes, in: pupilRecords, flags: .append)
            try transaction.put(storageKey.bytes, for: hasher.entry(of: pgn), in: pupilIndex)
        }
    }

    private func replay(_ records: [LogRecord], in transaction: Transaction) throws {
        var rowsByRelease: [ReleaseID: RowState] = [:]
        var lifecycles: [ReleaseID: ReleaseLifecycle] = [:]
        var originalBase: [ReleaseID: ReleaseID?] = [:]
        var chain = LogRecord.genesis
        for (index, record) in records.enumerated() {
            let sequence = UInt64(index + 1)
            try transaction.put(record.stored, for: LogRecord.key(sequence), in: log, flags: .append)
            chain = record.chain
            let event = try Event(encoded: record.payload)
            switch event {
            case .releaseRecorded(let release):
                try transaction.put(release.encoded, for: release.id.storageKey, in: releaseRecords)
                try addToScopeIndex(release, in: transaction)
                try transaction.put(release.id.storageKey, for: release.fileSHA256, in: files)
                rowsByRelease[release.id] = release.base.flatMap { rowsByRelease[$0] } ?? RowState()
                originalBase[release.id] = release.base
            case .registration(let registration):
                if originalBase[registration.release] == registration.base {
                    try rowsByRelease[registration.release]?.apply(registration)
                }
            case .figuresStated(let id, let figures):
                try store(figures: figures, of: id, in: transaction)
            default:
                break
            }
            ReleaseLifecycle.apply(event, to: &lifecycles)
        }
        // In id order, each against its original base (stored just before it), so rows are
        // stored once per change, as recording did, and appended to the rows' B-tree in order.
        for (id, state) in rowsByRelease.sorted(by: { $0.key < $1.key }) {
            let base = try (originalBase[id] ?? nil).map { try matchBase($0, in: transaction) }
            try store(rows: state.rows.values.sorted { $0.key < $1.key }, of: id, against: base, in: transaction)
        }
        for (id, lifecycle) in lifecycles {
            try transaction.put(lifecycle.encoded, for: id.storageKey, in: lifecycleRecords)
        }
        try transaction.put(LogRecord.key(UInt64(records.count)) + chain, for: Array("head".utf8), in: meta)
    }
}
