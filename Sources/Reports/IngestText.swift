import Ledger

/// The line `ingest` prints per file.
public enum IngestText {
    /// `R3 kijkglas-2 VO2508 2021-2022 published 2022-04-29: 1,204 rows, 37 events` or
    /// `file.csv: already ingested as R3`.
    public static func outcome(_ outcome: RecordOutcome, file: String) -> String {
        switch outcome {
        case .recorded(let release, let eventCount):
            let base = release.base.map { "diffed against \($0)" } ?? "first release of its scope"
            return "\(release.id) \(release.scope) published \(release.publishedOn.iso): \(release.rowCount) rows, \(eventCount - 1) registration events (\(base))"
        case .alreadyRecorded(let release):
            return "\(file): already ingested as \(release.id); nothing written"
        }
    }
}
