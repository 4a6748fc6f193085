import ArgumentParser
import KijkglasKit

/// `kijkglas backup DEST`: a verified, compacted copy of the ledger.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the ledger (compacted, consistent, owner-only) to a new directory and verify the copy.",
        discussion: """
            Safe while other processes read or ingest. The ledger remembers the backup: a backup \
            holds every pupil erased after it was made, and kijkglas erase lists it.

            Example: kijkglas backup /backups/kijkglas-2022-05-01
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "A directory that holds no ledger yet.")
    var destination: String

    func run() throws {
        try reportingFailures {
            let report = try ledgerOptions.session(.write).backup(to: destination)
            try VerifyText.finish(report, success: "backup in \(destination) verified")
        }
    }
}
