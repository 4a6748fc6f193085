import ArgumentParser
import Ledger

/// `kijkglas verify`: check the whole ledger.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every log record (sequence, CRC32C, hash chain), every release's rows and their fold.",
        discussion: "Exits 1 naming the first bad record when anything is wrong. Example: kijkglas verify"
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try reportingFailures {
            let report = try ledgerOptions.open(readOnly: true).verify()
            if report.isValid {
                print("ok: \(report.recordsChecked) records, \(report.releasesChecked) releases, \(report.rowsChecked) rows checked")
                return
            }
            for problem in report.problems { printError("kijkglas verify: \(problem)") }
            let first = report.firstBadSequence.map { "first bad record: \($0)" } ?? "\(report.problems.count) problems"
            throw CommandFailure(exitCode: .checkFailed, message: "kijkglas verify: FAILED, \(first)")
        }
    }
}
