import Ledger
import Foundation
import LMDB

extension LedgerStore {
    /// Writes a compacted, consistent copy of the ledger to `directory` (`mdb_env_copyfd2` with
    /// `MDB_CP_COMPACT`, owner-only files), then verifies the copy in full. A store open to write
    /// given the day remembers the copy as made `on` it (`backups()`): an erasure later names it, since it still
    /// holds the pupils erased after it was made.
    /// - Returns: the copy's verify report; a backup is good only when it is valid.
    /// - Throws: `LedgerError.rejected` when `directory` already holds a ledger; storage errors.
    public func backup(to directory: String, on day: Day? = nil) throws(LedgerError) -> VerifyReport {
        guard !LedgerStore.holdsLedger(directory) else {
            throw .rejected("\(directory) already holds a ledger; back up into a new directory")
        }
        try LedgerError.mapping { try environment.copy(to: directory, compact: true) }
        let report = try LedgerStore(directory: directory, readOnly: true).verify()
        if report.isValid, let day, let backupRecords {
            let path = URL(fileURLWithPath: directory).standardizedFileURL.path
            var writer = ByteWriter()
            writer.write(day: day)
            try write { try $0.put(writer.bytes, for: Array(path.utf8), in: backupRecords) }
        }
        return report
    }

    /// The backups this ledger made and remembers, by directory, with the day each was made.
    public func backups() throws(LedgerError) -> [(directory: String, on: Day)] {
        guard let backupRecords else { return [] }
        return try read { transaction in
            try transaction.keys(in: backupRecords).map { key in
                var reader = ByteReader(try transaction.get(key, in: backupRecords) ?? [])
                return (String(decoding: key, as: UTF8.self), try reader.readDay())
            }
        }
    }

    /// Restores the ledger backed up in `source` into `directory`, which must hold no ledger yet:
    /// the backup is verified first, then copied (compacted, owner-only) and the copy verified.
    /// - Returns: the restored ledger's verify report.
    /// - Throws: `LedgerError.corrupt` when the backup does not verify; `.rejected` when
    ///   `directory` holds a ledger; storage errors.
    public static func restore(from source: String, to directory: String) throws(LedgerError) -> VerifyReport {
        guard !LedgerStore.holdsLedger(directory) else {
            throw .rejected("\(directory) already holds a ledger; restore into a new directory")
        }
        let backup = try LedgerStore(directory: source, readOnly: true)
        let report = try backup.verify()
        guard report.isValid else {
            throw .corrupt("the backup in \(source) does not verify: \(report.problems.first?.description ?? "")")
        }
        return try backup.backup(to: directory)
    }
}
