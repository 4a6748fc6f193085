import ArgumentParser

/// The `kijkglas` command: an event-sourced, bitemporal ledger of DUO's Kijkglas files.
@main
struct Kijkglas: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kijkglas",
        abstract: "Keep every version of DUO's Kijkglas files as a verifiable ledger of pupil registrations.",
        discussion: """
            Each release of a file is diffed against the previous release of the same scope into \
            events (opened, closed, changed, flagged, retracted) appended to an LMDB log that is \
            checksummed and hash-chained. Start with `kijkglas demo`.

            Exit codes: 0 ok, 1 a check found differences, 64 usage, 65 bad input data, \
            74 I/O or storage error.
            """,
        version: "0.1.0",
        subcommands: [
            Demo.self, IngestCommand.self, Inspect.self, Layouts.self, Releases.self, Diff.self, Log.self,
            Count.self, GrowthCommand.self, FundingCommand.self, RevisionsCommand.self, TrendCommand.self, Reconcile.self,
            Notify.self, Withdraw.self, Definitive.self, Verify.self, Reindex.self, Backup.self, Restore.self, Export.self,
            Import.self, KeyCommand.self, Serve.self, Erase.self, Retention.self, Compact.self,
        ]
    )
}
