import Ledger

/// The line `ingest` prints per file.
public enum IngestText {
    /// `R3 kijkglas-2 VO2508 2021-2022 published 2022-04-29: 1204 rows; 3 opened, 1 closed (against R2)` or
    /// `file.csv: already ingested as R3`; a file that says it is definitive adds `; definitive`.
    public static func outcome(_ outcome: RecordOutcome, of incoming: IncomingRelease) -> String {
        let text = summary(outcome, file: incoming.fileName).escapingControlCharacters
        guard case .recorded = outcome, incoming.isDefinitive else { return text }
        return text + "; definitive since its publication"
    }

    private static func summary(_ outcome: RecordOutcome, file: String) -> String {
        switch outcome {
        case .recorded(let release, _) where release.content == .figures:
            return "\(release.id) \(release.scope) published \(release.publishedOn.iso): DUO's stated figures recorded; "
                + "compare them with kijkglas reconcile \(release.id)"
        case .recorded(let release, let batch):
            let base = release.base.map { "against \($0)" } ?? "first release of its scope"
            let corrections = batch.corrections > 0 ? ", \(batch.corrections) correcting the past" : ""
            return "\(release.id) \(release.scope) published \(release.publishedOn.iso): \(release.rowCount) rows; "
                + "\(ReleaseListing.kindSummary(batch))\(corrections) (\(base))"
        case .alreadyRecorded(let release):
            return "\(file): already ingested as \(release.id); nothing written"
        }
    }
}
