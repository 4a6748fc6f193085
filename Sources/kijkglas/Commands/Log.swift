import ArgumentParser
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

    @Option(help: "Only the events of this pupil (nine digits; never printed).")
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
        if let pupil, PGN(digits: pupil) == nil { throw ValidationError("--pupil wants nine digits") }
        if let kind, RegistrationChange.Kind(name: kind) == nil, !Log.otherKinds.contains(kind) {
            throw ValidationError("--kind wants one of \((RegistrationChange.Kind.allCases.map(\.name) + Log.otherKinds).joined(separator: ", "))")
        }
    }

    private static let otherKinds = [
        "ReleaseRecorded", "ReleaseSuperseded", "ReleaseWithdrawn", "ReleaseMarkedDefinitive", "BatchSuperseded",
    ]

    func run() throws {
        let pupilFilter = pupil.flatMap { PGN(digits: $0) }
        let kindName = kind.map { RegistrationChange.Kind(name: $0)?.name ?? $0 }
        try reportingFailures {
            let store = try ledgerOptions.open(readOnly: true)
            var printed = 0
            try store.forEachEvent(from: since) { sequence, event in
                if let limit, printed >= limit { return false }
                if let release, event.release != release { return true }
                if let kindName, event.kindName != kindName { return true }
                if pupilFilter != nil || correctionsOnly {
                    guard case .registration(let registration) = event else { return true }
                    if let pupilFilter, registration.key.pgn != pupilFilter { return true }
                    if correctionsOnly, registration.classification != .correction { return true }
                }
                print(format == .ndjson ? EventJSON(event, sequence: sequence).jsonLine : "\(sequence)  \(EventText.describe(event))")
                printed += 1
                return true
            }
        }
    }
}
