import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas reconcile R`: DUO's stated figures or settled pupils against the ledger's own.
struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare DUO's stated figures (Kijkglas 3, Kijkglas 1 part 1) or settled pupils (Kijkglas 1 part 2) with the ledger's own.",
        discussion: """
            The ledger's side is counted from the registration releases as known on the \
            release's publication date, for the pupils whose TLV the release's SWV issued, by \
            the counting rules of Schemas/rules/counting.json. A figure that differs lists the \
            pupils that may explain it: counted differently as known today (corrected since), \
            or counted only because of an assumption rule. Exit 1 when anything differs. PGNs \
            are masked unless --show-pgn.

            Example: kijkglas reconcile R12
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: .value("The figures or snapshot release, e.g. R12.", ReleaseID.self))
    var release: ReleaseID

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Show full PGNs (personal data).")
    var showPgn = false

    func validate() throws {
        guard [.text, .json].contains(format) else { throw ValidationError("reconcile prints text or json") }
    }

    func run() throws {
        try reportingFailures {
            let session = try ledgerOptions.session()
            if showPgn { try session.requireKey() }
            let report = try session.reconcile(ReconcileRequest(release: release)).report(showPGN: showPgn)
            print(format == .json ? report.json : report.text)
            if !report.agrees { throw ExitCode.checkFailed }
        }
    }
}
