import Ledger
import Foundation
import LMDB

extension LedgerStore {
    /// Writes the whole log as NDJSON to a new file at `path` (owner-only): one line per record,
    /// `{"sequence":N,"record":"<base64 of the stored record>"}`. The records carry everything
    /// else (releases, rows, lifecycles are folds of them), so `importLog` rebuilds the ledger
    /// exactly. Personal data: the export holds full PGNs, like the ledger.
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
        }
        return count
    }

    /// Builds a new ledger in `directory` (which must hold none) from a log exported with
    /// `exportLog`, in one write transaction: every record is checked (gap-free sequence,
    /// CRC32C, chain) and appended unchanged; releases, rows, stated figures, file hashes and lifecycles are
    /// rebuilt by folding the events. The new ledger is verified.
    /// - Throws: `LedgerError.rejected` naming the line of an export that does not check out;
    ///   nothing is written then.
    public static func importLog(from path: String, into directory: String) throws(LedgerError) -> VerifyReport {
        guard !LedgerStore.holdsLedger(directory) else {
            throw .rejected("\(directory) already holds a ledger; import into a new directory")
        }
        let records = try ExportedLog(path: path).records
        let store = try LedgerStore(directory: directory)
        try store.write { transaction in try store.replay(records, in: transaction) }
        return try store.verify()
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
