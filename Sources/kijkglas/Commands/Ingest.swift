import ArgumentParser
import KijkglasKit
import Reports

/// `kijkglas ingest FILE...`: read, validate and record releases.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record DUO files as releases: each is diffed against the previous release of its scope.",
        discussion: """
            Every file is read and validated before anything is written; one bad file records \
            none. Each release is one write transaction. A file recorded before (same SHA-256) \
            is skipped with "already ingested". A release that would correct or change an unusually \
            large share of its base's rows (Schemas/rules/mass-change.json) is not written: the \
            summary is shown and the exit code is 65; --accept-mass-change records it (files \
            before it on the command line are recorded). The ledger's key file (--key FILE, \
            else $KIJKGLAS_KEY, else <ledger directory>.key) seals every pupil: the ledger stores \
            a pupil number for each PGN and keeps the PGN and birth date only encrypted; a new \
            ledger needs one made first with `kijkglas key create`.

            Example: kijkglas ingest kijkglas2-VO2508-2022-04-29.csv --published 29-04-2022
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "The files to record, in any order.")
    var files: [String]

    @OptionGroup var readOptions: ReadOptions

    @Flag(help: "Record a release even when it corrects or changes more rows than Schemas/rules/mass-change.json lets pass unasked.")
    var acceptMassChange = false

    func run() throws {
        try reportingFailures {
            let request = IngestRequest(files: files, acceptMassChange: acceptMassChange)
            let batch = try IngestBatch(request, reading: try readOptions.reading())
            try ledgerOptions.session(.create).ingest(batch) { outcome, release in
                print(IngestText.outcome(outcome, of: release))
            }
        }
    }
}
