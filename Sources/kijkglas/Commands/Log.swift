import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas log`: the events in the ledger's log.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the event log, one event a line, personal numbers masked.",
        discussion: """
            --format ndjson writes one JSON object a line (Schemas/json/event.schema.json), for \
            piping into DuckDB, Kafka or jq.

            Example: kijkglas log --release R5 --corrections-only
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "Start at this sequence number.")
    var since: UInt64 = 1

    @Option(help: .value("Only the events of this release (e.g. R3).", ReleaseID.self))
    var release: ReleaseID?

    @Option(help: "Only the events of this pupil: a PGN (nine digits, needs the key file; never printed) or a pupil number (#17).")
    var pupil: String?

    @Option(help: "Only events of this kind, e.g. RegistrationChanged or changed.")
    var kind: String?

    @Flag(help: "Only corrections of the past.")
    var correctionsOnly = false

    @Option(help: "Print at most this many events.")
    var limit: Int?

    @Option(help: "text or ndjson.")
    var format: OutputFormat = .text

    func validate() throws {
        guard format == .text || format == .ndjson else { throw ValidationError("log prints text or ndjson") }
        if let pupil, PGN(digits: pupil) == nil { throw ValidationError("--pupil wants nine digits or # and a pupil number") }
        if let kind, Event.Kind(name: kind) == nil {
            throw ValidationError("--kind wants one of \(Event.Kind.allCases.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        let request = LogRequest(
            since: since, release: release, pupil: pupil.flatMap { PGN(digits: $0) }, kind: kind.flatMap { Event.Kind(name: $0) },
            correctionsOnly: correctionsOnly, limit: limit)
        try reportingFailures {
            try ledgerOptions.session().log(request) { sequence, event in
                print(format == .ndjson ? EventJSON(event, sequence: sequence).jsonLine : "\(sequence)  \(EventText.describe(event))")
            }
        }
    }
}
