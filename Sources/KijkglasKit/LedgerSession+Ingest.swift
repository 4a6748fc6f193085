import Ingest
import Ledger
import LedgerStorage

extension LedgerSession {
    /// Records each release of `batch`, one write transaction each, handing `recorded` its
    /// outcome (recorded, or already ingested) as it goes; a mass change not accepted stops the
    /// batch as bad data, the releases before it recorded. Refused in a session that reads.
    public func ingest(_ batch: IngestBatch, _ recorded: (RecordOutcome, IncomingRelease) -> Void) throws(KijkglasError) {
        let store = try writableStore()
        try KijkglasError.mapping {
            for release in batch.releases {
                recorded(try store.record(release, massChangeRules: batch.massChangeRules), release)
            }
        }
    }
}
