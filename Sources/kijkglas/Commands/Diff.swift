import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas diff A B`: the events between any two releases.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between any two releases, field by field, corrections of the past marked.",
        discussion: """
            Computed from the two releases' stored rows, so A and B need not be neighbours. \
            With --fail-if-changed the exit code is 1 when there is any difference.

            Example: kijkglas diff R4 R5 --format md
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: .value("The release to diff from, e.g. R4.", ReleaseID.self))
    var from: ReleaseID

    @Argument(help: .value("The release to diff to, e.g. R5.", ReleaseID.self))
    var to: ReleaseID

    @Option(help: "text, json, csv or md.")
    var format: OutputFormat = .text

    @Flag(help: "Exit 1 when the releases differ.")
    var failIfChanged = false

    func validate() throws {
        guard [.text, .json, .csv, .md].contains(format) else { throw ValidationError("diff prints text, json, csv or md") }
    }

    func run() throws {
        try reportingFailures {
            let answer = try ledgerOptions.session().diff(DiffRequest(from: from, to: to))
            let report = answer.report
            switch format {
            case .json: print(report.json)
            case .csv: print(report.csv)
            case .md: print(report.markdown)
            case .text, .ndjson: print(report.text)
            }
            if failIfChanged && !report.diff.events.isEmpty { throw ExitCode.checkFailed }
        }
    }
}
