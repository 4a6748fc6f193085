import ArgumentParser
import KijkglasKit
import Reports

/// `kijkglas compact`: replace the data file by a compacted copy.
struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the ledger's data file by a compacted copy, so that no freed page keeps an erased pupil.",
        discussion: """
            erase and retention --apply compact by themselves; run this when they could not because \
            another kijkglas had the ledger open. Needs every other kijkglas on the ledger stopped.

            Example: kijkglas compact --ledger ./kijkglas-ledger
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try reportingFailures {
            let compaction = try LedgerSession.compact(ledgerOptions.directory)
            print(ErasureText.compacted(bytesBefore: compaction.bytesBefore, bytesAfter: compaction.bytesAfter))
        }
    }
}
