import ArgumentParser
import Ledger
import Reports

/// `kijkglas count --on DATE`: pupils with a registration valid on a day.
struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count distinct pupils with a registration valid on a day, as the latest releases say.",
        discussion: "Example: kijkglas count --on 01-02-2022 --by category"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "The day to count (jjjj-mm-dd or dd-mm-jjjj).")
    var on: Day

    @Option(help: "Count as the ledger knew it on this day: the latest release of each scope published by then and not withdrawn by then.")
    var knownAt: Day?

    @Option(help: "Break the count down: category or schooltype.")
    var by: PupilCount.Breakdown?

    func run() throws {
        try reportingFailures {
            let store = try ledgerOptions.open(readOnly: true)
            let rows = try store.answeringReleases(knownAt: knownAt).flatMap { try store.rows(of: $0.id) }
            print(CountText.render(PupilCount(rows: rows, on: on, by: by)))
        }
    }
}

extension PupilCount.Breakdown: ExpressibleByArgument {}
