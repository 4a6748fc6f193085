import ArgumentParser

/// `kijkglas key`: the ledger's key file.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Manage the key file that seals the ledger's pupil identities.",
        subcommands: [KeyCreate.self]
    )
}
