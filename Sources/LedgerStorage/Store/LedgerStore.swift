import Ledger
import Foundation
import Crypto
import LMDB

/// A ledger directory: one LMDB environment holding the event log, the releases and their
/// content-addressed rows. Every recorded release is one write transaction, so a crash leaves
/// it wholly in or wholly out.
public final class LedgerStore: Sendable {
    /// The ledger's lock, held shared while the store is open (nil for a read-only copy that has
    /// none), so that no compaction replaces the data file under it.
    let lock: LedgerLock?
    /// The LMDB environment.
    let environment: Environment
    /// Sequence → `LogRecord`.
    let log: Database
    /// `head` → last sequence and chain; `format` → storage format.
    let meta: Database
    /// `ReleaseID.storageKey` → release record.
    let releaseRecords: Database
    /// File SHA-256 → `ReleaseID.storageKey`.
    let files: Database
    /// `RowAddress` (origin release, content hash) → encoded row.
    let rows: Database
    /// `ReleaseID.storageKey` → the release's row list: its rows' `RowAddress`es, in row-identity order.
    let releaseRows: Database
    /// `ReleaseID.storageKey` → `ReleaseLifecycle`, the projection of the release events.
    let lifecycleRecords: Database
    /// `ReleaseID.storageKey` → the release's stated figures (as its `FiguresStated` event holds
    /// them); nil only in a read-only open of a ledger made before it existed.
    let figureRecords: Database?
    /// `ReleaseID.storageKey` → the release's `CountingRow`s, packed: the projection counts read.
    /// Nil only in a read-only open of a ledger made before it existed.
    let countingRowRecords: Database?
    /// Subscriber name → `Subscriber` cursor; nil only in a read-only open of a ledger made before it existed.
    let subscriberRecords: Database?
    /// SWV, period, product and release → nothing (`LedgerStore+ScopeIndex`); nil only in a
    /// read-only open of a ledger made before it existed.
    let scopeIndex: Database?
    /// The first 16 bytes of HMAC-SHA256(index key, PGN's nine digits) → pupil number (big-endian
    /// UInt32); nil only in a read-only open of a ledger made before it existed.
    let pupilIndex: Database?
    /// Pupil number (big-endian UInt32) → `PupilRecord`, the pupil's sealed data key and identity;
    /// nil only in a read-only open of a ledger made before it existed.
    let pupilRecords: Database?
    /// Backup directory → the day it was made (`LedgerStore+Backup`): the copies that may still
    /// hold an erased pupil; nil in a read-only open.
    let backupRecords: Database?

    /// The storage format this code reads and writes: 3 since rows hold pupil numbers and coarse
    /// birth dates, the identities sealed in the vault (2 held PGNs; 1 keyed rows by content hash
    /// alone).
    static let storageFormat: UInt8 = 3

    /// Opens the ledger in `directory`, creating it (owner-only) when missing. A writable open
    /// runs a quick check first, so nothing is written to a ledger that is visibly damaged;
    /// `verify` (read-only) examines a damaged one in full.
    /// - Throws: `LedgerError.storage` when LMDB cannot open it, `LedgerError.corrupt` when the
    ///   quick check fails (unknown format, head that does not match the log).
    public convenience init(directory: String, readOnly: Bool = false) throws(LedgerError) {
        if !readOnly {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .rejected("cannot make the ledger directory \(directory): \(error.localizedDescription)")
            }
        }
        let lock = FileManager.default.fileExists(atPath: directory) ? try LedgerLock(directory: directory, exclusive: false) : nil
        try self.init(directory: directory, readOnly: readOnly, lock: lock)
    }

    /// Opens the ledger in `directory` under `lock`, already taken.
    init(directory: String, readOnly: Bool, lock: LedgerLock?) throws(LedgerError) {
        self.lock = lock
        do {
            environment = try Environment(directory: directory, options: .init(readOnly: readOnly))
            try LedgerStore.checkNotTruncated(environment)
            log = try environment.database("log")
            meta = try environment.database("meta")
            releaseRecords = try environment.database("releases")
            files = try environment.database("files")
            rows = try environment.database("rows")
            releaseRows = try environment.database("release-rows")
            lifecycleRecords = try environment.database("lifecycles")
            figureRecords = readOnly ? try? environment.database("figures") : try environment.database("figures")
            countingRowRecords = readOnly ? try? environment.database("counting-rows") : try environment.database("counting-rows")
            subscriberRecords = readOnly ? try? environment.database("subscribers") : try environment.database("subscribers")
            scopeIndex = readOnly ? try? environment.database("scope-index") : try environment.database("scope-index")
            pupilIndex = readOnly ? try? environment.database("pupil-index") : try environment.database("pupil-index")
            pupilRecords = readOnly ? try? environment.database("pupils") : try environment.database("pupils")
            backupRecords = readOnly ? nil : try environment.database("backups")
        } catch let error as LedgerError {
            throw error
        } catch let error as LMDBError {
            throw .storage(error)
        } catch {
            throw .storage(LMDBError.invalid)
        }
        if !readOnly { try quickCheck() }
    }

    /// Whether `directory` holds a ledger (its LMDB data file).
    public static func holdsLedger(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/data.mdb")
    }

    /// Refuses a data file shorter than the pages its last transaction uses, before any page is
    /// read: LMDB maps the file, and touching a page past its end would kill the process.
    private static func checkNotTruncated(_ environment: Environment) throws {
        let path = environment.directory + "/data.mdb"
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size >= environment.usedBytes else {
            throw LedgerError.corrupt(
                "\(path) is \(size) bytes but its last transaction uses \(environment.usedBytes): the file was truncated; restore a backup")
        }
    }

    /// Runs `body` in a read transaction, mapping storage errors.
    func read<T>(_ body: (Transaction) throws -> T) throws(LedgerError) -> T {
        try LedgerError.mapping { try environment.read(body) }
    }

    /// Runs `body` in a write transaction, mapping storage errors.
    func write<T>(_ body: (Transaction) throws -> T) throws(LedgerError) -> T {
        try LedgerError.mapping { try environment.write(body) }
    }

    /// The last sequence number and chain hash, or (0, genesis) for an empty log.
    func head(in transaction: Transaction) throws -> (sequence: UInt64, chain: [UInt8]) {
        guard let bytes = try transaction.get(Array("head".utf8), in: meta) else { return (0, LogRecord.genesis) }
        var reader = ByteReader(bytes)
        let sequence = try reader.readBigEndianUInt64()
        return (sequence, try reader.readRaw(count: 32))
    }

    /// Checks the storage format and that the head names the last record of the log; rebuilds
    /// the projections when their stamp is not this build's.
    private func quickCheck() throws(LedgerError) {
        try reserveForRebuild(onlyWhenStale: true)
        try write { transaction in
            let formatKey = Array("format".utf8)
            if let format = try transaction.get(formatKey, in: meta) {
                guard format == [LedgerStore.storageFormat] else {
                    throw LedgerError.corrupt(LedgerStore.unreadableFormat(format))
                }
            } else {
                try transaction.put([LedgerStore.storageFormat], for: formatKey, in: meta)
            }
            let head = try head(in: transaction)
            let last = try transaction.withCursor(in: log) { try $0.last() }
            let lastSequence = try last.map { entry -> UInt64 in
                var reader = ByteReader(entry.key)
                return try reader.readBigEndianUInt64()
            } ?? 0
            guard lastSequence == head.sequence else {
                throw LedgerError.corrupt("the log ends at \(lastSequence) but its head says \(head.sequence); verify the ledger to find the damage")
            }
            if try transaction.get(ProjectionStamp.key, in: meta) != ProjectionStamp.current.encoded {
                try rebuildProjections(in: transaction)
            }
        }
    }

    /// Why a ledger in storage format `format` cannot be opened, and the way on.
    private static func unreadableFormat(_ format: [UInt8]) -> String {
        guard let version = format.first, format.count == 1, version < storageFormat else {
            return "storage format \(format) is not \(storageFormat); open it with a kijkglas that reads that format"
        }
        return "this ledger is in storage format \(version), older than this kijkglas's \(storageFormat): "
            + "export its log with the kijkglas that made it and import that export with this one into a new directory"
    }

    /// Before a rebuild of the projections (with `onlyWhenStale`, only when their stamp is not
    /// this build's, so one will run), grows the map by what the rebuild writes (every release's
    /// counting rows, and as much again for the pages it rewrites), so the rebuild does not hit
    /// `MDB_MAP_FULL` halfway and start over.
    func reserveForRebuild(onlyWhenStale: Bool) throws(LedgerError) {
        let rowsToPack = try read { transaction -> Int? in
            if onlyWhenStale, try transaction.get(ProjectionStamp.key, in: meta) == ProjectionStamp.current.encoded { return nil }
            return try releases(in: transaction).map(\.rowCount).reduce(0, +)
        }
        guard let rowsToPack else { return }
        try LedgerError.mapping {
            try environment.growMap(toAtLeast: environment.usedBytes + 2 * rowsToPack * PackedCountingRows.width + (64 << 20))
        }
    }

    /// The first 16 bytes of the SHA-256 of an encoded row: its content address.
    static func rowHash(_ encoded: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 16) { buffer, initialized in
            rowHash(encoded, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = 16
        }
    }

    /// Writes the content address of an encoded row (`rowHash`) into `address` (16 bytes).
    static func rowHash(_ encoded: [UInt8], into address: UnsafeMutableRawBufferPointer) {
        SHA256.hash(data: encoded).withUnsafeBytes { address.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(16))) }
    }
}
