import ArgumentParser
import KijkglasKit
import Ledger

/// `kijkglas withdraw R --on DATE --reason TEXT`.
struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that DUO withdrew a release. It still answers \"what did we believe\" before that day.",
        discussion: "Example: kijkglas withdraw R7 --on 12-05-2022 --reason \"Kijkglas 3 ingetrokken wegens fouten\""
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: .value("The release, e.g. R7.", ReleaseID.self))
    var release: ReleaseID

    @Option(help: .value("The day DUO withdrew it (not before its publication).", Day.self))
    var on: Day

    @Option(help: "DUO's reason, as you want to remember it.")
    var reason: String

    func run() throws {
        try reportingFailures {
            try ledgerOptions.session(.write).withdraw(WithdrawRequest(release: release, on: on, reason: reason))
            print("\(release) withdrawn on \(on.iso)")
        }
    }
}
