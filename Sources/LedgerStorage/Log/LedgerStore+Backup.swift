import Ledger
import Foundation
import LMDB

extension LedgerStore {
    /// Writes a compacted, consistent copy of the ledger to `directory` (`mdb_env_copyfd2` with
    /// `MDB_CP_COMPACT`, owner-only files), then verifies the copy in full.
    /// - Returns: the copy's verify report; a backup is good only when it is valid.
    /// - Throws: `LedgerError.rejected` when `directory` already holds a ledger; storage errors.
    public func backup(to directory: String) throws(LedgerError) -> VerifyReport {
        guard !LedgerStore.holdsLedger(directory) else {
            throw .rejected("\(directory) already holds a ledger; back up into a new directory")
        }
        try LedgerError.mapping { try environment.copy(to: directory, compact: true) }
        return try LedgerStore(directory: directory, readOnly: true).verify()
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
