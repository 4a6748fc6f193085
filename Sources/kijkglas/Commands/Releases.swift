import ArgumentParser
import Ledger
import Reports

/// `kijkglas releases`: the releases the ledger holds.
struct Releases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the recorded releases: id, scope, publication date, base, rows, events.",
        discussion: "Example: kijkglas releases --ledger ./kijkglas-ledger"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try reportingFailures {
            let store = try ledgerOptions.open(readOnly: true)
            print(ReleaseListing.table(try store.releases(), lifecycles: try store.lifecycles(), previousYear: try store.previousYearRewrites()))
        }
    }
}
