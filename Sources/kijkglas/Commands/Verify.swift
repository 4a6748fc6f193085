import ArgumentParser

/// `kijkglas verify`: check the whole ledger.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every log record (sequence, CRC32C, hash chain), every release's rows and their fold.",
        discussion: "Exits 1 naming the first bad record when anything is wrong. Example: kijkglas verify"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try reportingFailures {
            try VerifyText.finish(try ledgerOptions.session().verify(), success: "ok")
        }
    }
}
