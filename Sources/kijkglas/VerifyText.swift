import ArgumentParser
import Ledger

/// How commands that verify a ledger end: a summary line when valid; every problem on standard
/// error and exit 1 otherwise.
enum VerifyText {
    /// Prints `success` and the counts, or the problems and throws exit code 1.
    static func finish(_ report: VerifyReport, success: String) throws {
        if report.isValid {
            print("\(success): \(report.recordsChecked) records, \(report.releasesChecked) releases, \(report.rowsChecked) rows checked")
            if report.compactionDue {
                print("note: pupils were erased since the ledger was last compacted; kijkglas compact removes what freed pages still hold")
            }
            return
        }
        for problem in report.problems { printError("kijkglas verify: \(problem)") }
        let first = report.firstBadSequence.map { "first bad record: \($0)" } ?? "\(report.problems.count) problems"
        throw CommandFailure(exitCode: .checkFailed, message: "kijkglas verify: FAILED, \(first)")
    }
}
