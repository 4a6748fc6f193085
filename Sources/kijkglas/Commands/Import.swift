import ArgumentParser
import KijkglasKit

/// `kijkglas import FILE`: rebuild a ledger from an exported log.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the ledger directory (which must hold no ledger) from a log written by `kijkglas export`.",
        discussion: """
            Every record is checked (sequence, CRC32C, hash chain) before anything is written; \
            releases, rows and lifecycles are rebuilt from the events and the result verified. \
            It needs the key file (--key, else $KIJKGLAS_KEY, else <ledger directory>.key): the \
            exporting ledger's, or for the export of a storage format 2 ledger (PGNs in the \
            clear, from an older kijkglas), a new one made with `kijkglas key create`, which \
            then seals every pupil: this is how such a ledger is upgraded.

            Example: kijkglas import kijkglas-log.ndjson --ledger ./restored
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "A file written by kijkglas export.")
    var file: String

    func run() throws {
        try reportingFailures {
            let report = try LedgerSession.importLog(from: file, into: ledgerOptions.directory, keyFile: ledgerOptions.keyFile)
            try VerifyText.finish(report, success: "imported \(file) into \(ledgerOptions.directory), verified")
        }
    }
}
