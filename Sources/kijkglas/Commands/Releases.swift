import ArgumentParser
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
            let answer = try ledgerOptions.session().releases()
            print(ReleaseListing.table(answer.releases, lifecycles: answer.lifecycles, previousYear: answer.previousYear))
        }
    }
}
