import ArgumentParser
import KijkglasKit

/// `kijkglas restore SRC`: bring a backup back as the ledger.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a backup into the ledger directory, which must hold no ledger: the backup is verified first.",
        discussion: "Example: kijkglas restore /backups/kijkglas-2022-05-01 --ledger ./kijkglas-ledger"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "A directory made by kijkglas backup.")
    var source: String

    func run() throws {
        try reportingFailures {
            let report = try LedgerSession.restore(from: source, to: ledgerOptions.directory)
            try VerifyText.finish(report, success: "restored \(source) into \(ledgerOptions.directory), verified")
        }
    }
}
