import Ingest
import Ledger
import LedgerStorage

extension LedgerSession {
    /// Records each release of `batch`, one write transaction each, handing `recorded` its
    /// outcome (recorded, or already ingested) as it goes; a mass change not accepted stops the
    /// batch as bad data, the releases before it recorded. Refused in a session that reads, and
    /// without the ledger's key file (it seals the pupils of the files).
    public func ingest(_ batch: IngestBatch, _ recorded: (RecordOutcome, IncomingRelease) -> Void) throws(KijkglasError) {
        let store = try writableStore()
        let key = try ledgerKey()
        try KijkglasError.mapping {
            for release in batch.releases {
                recorded(
                    try store.record(release, massChangeRules: batch.massChangeRules, key: key, ageThresholds: batch.ageThresholds),
                    release)
            }
        }
    }
}
