import ArgumentParser
import Ledger
import Reports

/// `kijkglas log`: the events in the ledger's log.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the event log, one event a line, personal numbers masked.",
        discussion: "Example: kijkglas log --release R3"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "Start at this sequence number.")
    var since: UInt64 = 1

    @Option(help: "Only the events of this release (e.g. R3).")
    var release: String?

    @Option(help: "Print at most this many events.")
    var limit: Int?

    func run() throws {
        let releaseFilter = try release.map { text in
            guard let id = ReleaseID(text: text) else { throw ValidationError("--release wants a release id like R3, not '\(text)'") }
            return id
        }
        try reportingFailures {
            let store = try ledgerOptions.open(readOnly: true)
            var printed = 0
            try store.forEachEvent(from: since) { sequence, event in
                if let releaseFilter, event.release != releaseFilter { return true }
                if let limit, printed >= limit { return false }
                print("\(sequence)  \(EventText.describe(event))")
                printed += 1
                return true
            }
        }
    }
}
