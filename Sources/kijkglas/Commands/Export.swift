import ArgumentParser
import KijkglasKit

/// `kijkglas export FILE`: the whole log as NDJSON, from which `import` rebuilds the ledger.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole log to a new NDJSON file (owner-only) that `kijkglas import` turns back into the same ledger.",
        discussion: """
            Like the ledger, the file names pupils by number and holds their PGNs and birth dates \
            only sealed with the ledger's key: `kijkglas import` needs the same key file. \
            Example: kijkglas export kijkglas-log.ndjson
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "A new file.")
    var file: String

    func run() throws {
        try reportingFailures {
            let count = try ledgerOptions.session().exportLog(to: file)
            print("exported \(count) records to \(file)")
        }
    }
}
