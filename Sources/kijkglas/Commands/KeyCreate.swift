import ArgumentParser
import KijkglasKit

/// `kijkglas key create [FILE]`: a new key file for a new ledger.
struct KeyCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Make a new key file (32 random bytes, owner-only) for a new ledger; an existing file is never overwritten.",
        discussion: """
            The ledger stores a pupil number for each PGN and keeps every PGN and birth date \\
            encrypted under keys that this file unlocks: without it, a copy of the ledger holds \\
            no readable PGN, and with it lost, neither does the ledger. Keep it outside the \\
            ledger directory and back it up apart from the ledger. Without FILE it is made where \\
            the other commands look for it: --key, else $KIJKGLAS_KEY, else <ledger directory>.key.

            Example: kijkglas key create --ledger ./kijkglas-ledger   (makes ./kijkglas-ledger.key)
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: "The new key file.")
    var file: String?

    func run() throws {
        try reportingFailures {
            let keyFile = file.map { KeyFile($0, ledger: ledgerOptions.directory) } ?? ledgerOptions.keyFile
            try keyFile.create()
            print("made the key file \(keyFile.path) (owner-only); keep it apart from the ledger and its backups")
        }
    }
}
