import Ledger
import LedgerStorage

extension LedgerSession {
    /// Every log record (sequence, CRC32C, hash chain), every release's rows and their fold,
    /// checked; the report lists every problem found rather than throwing for one.
    public func verify() throws(KijkglasError) -> VerifyReport {
        try KijkglasError.mapping { try store.verify() }
    }

    /// Rebuilds the release lifecycles and packed counting rows from the log and the stored rows,
    /// leaving both untouched; refused in a session that reads.
    public func reindex() throws(KijkglasError) -> ReindexAnswer {
        let store = try writableStore()
        return try KijkglasError.mapping {
            try store.rebuildProjections()
            return ReindexAnswer(releases: try store.releases().count)
        }
    }
}
