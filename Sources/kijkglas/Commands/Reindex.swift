import ArgumentParser

/// `kijkglas reindex`: rebuild the projections from the log and the rows.
struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the release lifecycles and packed counting rows from the log and the stored rows.",
        discussion: """
            A writable open does this by itself when the projections come from another build; \
            reindex repairs them when `verify` names damaged ones. The log and the rows are not \
            touched. Example: kijkglas reindex
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try reportingFailures {
            let answer = try ledgerOptions.session(.write).reindex()
            print("rebuilt the projections of \(answer.releases) releases")
        }
    }
}
