import Ingest
import Ledger
import LedgerStorage

extension LedgerSession {
    /// Records each release of `batch`, one write transaction each, handing `recorded` its
    /// outcome (recorded, or already ingested) and the release without its rows as it goes; a
    /// mass change not accepted stops the batch as bad data, the releases before it recorded.
    /// Refused in a session that reads, and without the ledger's key file (it seals the pupils of
    /// the files). The batch is consumed: the store seals each release's rows where they are.
    public func ingest(_ batch: consuming IngestBatch, _ recorded: (RecordOutcome, IncomingRelease) -> Void) throws(KijkglasError) {
        let store = try writableStore()
        let key = try ledgerKey()
        let massChangeRules = batch.massChangeRules
        let ageThresholds = batch.ageThresholds
        // Taken in turn from the end, so that each release's rows have one owner: the store.
        var pending = batch.takeReleases()
        pending.reverse()
        try KijkglasError.mapping {
            while let release = pending.popLast() {
                var withoutRows = release
                withoutRows.rows = []
                recorded(try store.record(release, massChangeRules: massChangeRules, key: key, ageThresholds: ageThresholds), withoutRows)
            }
        }
    }
}
