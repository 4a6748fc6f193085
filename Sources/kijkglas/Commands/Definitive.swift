import ArgumentParser
import KijkglasKit
import Ledger

/// `kijkglas definitive R --on DATE`.
struct Definitive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that DUO made a release definitive (one per scope).",
        discussion: "Example: kijkglas definitive R9 --on 11-04-2023"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: .value("The release, e.g. R9.", ReleaseID.self))
    var release: ReleaseID

    @Option(help: .value("The day DUO made it definitive (not before its publication).", Day.self))
    var on: Day

    func run() throws {
        try reportingFailures {
            try ledgerOptions.session(.write).markDefinitive(DefinitiveRequest(release: release, on: on))
            print("\(release) definitive since \(on.iso)")
        }
    }
}
