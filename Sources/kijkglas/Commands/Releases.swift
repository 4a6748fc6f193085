import ArgumentParser
import Reports

/// `kijkglas releases`: the releases the ledger holds.
struct Releases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the recorded releases: id, scope, publication date, status, base, rows, events.",
        discussion: """
            --format json writes them as Schemas/json/releases.schema.json describes.

            Example: kijkglas releases --ledger ./kijkglas-ledger
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard [.text, .json].contains(format) else { throw ValidationError("releases prints text or json") }
    }

    func run() throws {
        try reportingFailures {
            let answer = try ledgerOptions.session().releases()
            print(
                format == .json
                    ? ReleaseListing.json(answer.releases, lifecycles: answer.lifecycles, previousYear: answer.previousYear)
                    : ReleaseListing.table(answer.releases, lifecycles: answer.lifecycles, previousYear: answer.previousYear))
        }
    }
}
