import ArgumentParser
import Foundation
import KijkglasKit
import Ledger

/// The `--ledger DIR` option every command that touches a ledger shares.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "Ledger directory (default: $KIJKGLAS_LEDGER, else ./kijkglas-ledger).")
    var ledger: String?

    /// The ledger directory in effect.
    var directory: String {
        ledger ?? ProcessInfo.processInfo.environment["KIJKGLAS_LEDGER"] ?? "./kijkglas-ledger"
    }

    /// Opens the ledger; a read-only open, or one that `mustExist`, of a directory that holds
    /// none is an error that says how to make one.
    func open(readOnly: Bool, mustExist: Bool = false) throws -> LedgerStore {
        if readOnly || mustExist, !LedgerStore.holdsLedger(directory) {
            throw CommandFailure(
                exitCode: .storageError,
                message: "no ledger at \(directory); `kijkglas ingest FILE --ledger \(directory)` creates one")
        }
        return try LedgerStore(directory: directory, readOnly: readOnly)
    }

    /// The ledger opened read-only to answer questions; refused as `open` refuses.
    func session() throws -> LedgerSession {
        LedgerSession(store: try open(readOnly: true), directory: directory)
    }
}
