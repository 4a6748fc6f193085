import Ledger
import LedgerStorage

extension LedgerSession {
    /// Copies the ledger, compacted, consistent and owner-only, into `directory`, which must hold
    /// no ledger, and verifies the copy; a session that writes remembers the copy, so that an
    /// erasure can name it (it keeps the pupils erased after it was made).
    public func backup(to directory: String) throws(KijkglasError) -> VerifyReport {
        try KijkglasError.mapping { try store.backup(to: directory, on: access == .read ? nil : .today) }
    }

    /// Writes the whole log to `file` as NDJSON, from which `importLog` rebuilds the ledger;
    /// returns the number of records written.
    public func exportLog(to file: String) throws(KijkglasError) -> UInt64 {
        try KijkglasError.mapping { try store.exportLog(to: file) }
    }

    /// Restores the backup in `source` into `directory`, which must hold no ledger, verifying
    /// the backup first and the result after.
    public static func restore(from source: String, to directory: String) throws(KijkglasError) -> VerifyReport {
        try KijkglasError.mapping { try LedgerStore.restore(from: source, to: directory) }
    }

    /// Builds a ledger in `directory`, which must hold none, from the log `file` written by
    /// `exportLog`: every record checked before anything is written, the result verified. The
    /// import needs the key (`keyFile`, default: `$KIJKGLAS_KEY`, else beside `directory`): that of
    /// the exporting ledger, or, for an export of a storage format 2 ledger (PGNs in the clear),
    /// the key that seals its pupils from now on.
    public static func importLog(from file: String, into directory: String, keyFile: KeyFile? = nil) throws(KijkglasError) -> VerifyReport {
        let key = try (keyFile ?? KeyFile(nil, ledger: directory)).load()
        let ageThresholds = AgeThresholds(rules: try RuleFiles.fundingRules())
        return try KijkglasError.mapping {
            try LedgerStore.importLog(from: file, into: directory, key: key, ageThresholds: ageThresholds)
        }
    }
}
