import ArgumentParser
import Foundation
import KijkglasKit
import Ledger

/// The `--ledger DIR` option every command that touches a ledger shares.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "Ledger directory (default: $KIJKGLAS_LEDGER, else ./kijkglas-ledger).")
    var ledger: String?

    @Option(name: .long, help: "The ledger's key file (default: $KIJKGLAS_KEY, else <ledger directory>.key beside the ledger).")
    var key: String?

    /// The ledger directory in effect.
    var directory: String {
        ledger ?? ProcessInfo.processInfo.environment["KIJKGLAS_LEDGER"] ?? "./kijkglas-ledger"
    }

    /// The key file in effect.
    var keyFile: KeyFile { KeyFile(key, ledger: directory) }

    /// Opens the ledger for `access`; a directory that holds none is refused, unless `access`
    /// creates one, with a message that says how to make one.
    func session(_ access: LedgerSession.Access = .read) throws -> LedgerSession {
        if access != .create, !LedgerSession.holdsLedger(directory) {
            throw CommandFailure(
                exitCode: .storageError,
                message: "kijkglas: no ledger at \(directory); `kijkglas ingest FILE --ledger \(directory)` creates one")
        }
        return try LedgerSession(directory: directory, access: access, keyFile: keyFile)
    }
}
