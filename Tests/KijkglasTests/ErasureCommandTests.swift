import Foundation
import Testing
import TestSupport

/// `erase`, `retention` and `compact` as a user runs them: exit codes, masked output, the ledger
/// unchanged by a refusal.
@Suite("erase, retention and compact, run as a user runs them", .serialized)
struct ErasureCommandTests {
    @Test("a refused erasure exits 64 and leaves the ledger byte-for-byte unchanged; an accepted one compacts, verifies, and prints no PGN")
    func erase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let before = try KijkglasBinary.dataFile(of: ledger)
        let count = try KijkglasBinary.run(["count", "--on", "01-02-2022", "--by", "category", "--ledger", ledger])
        for refused in [
            ["--pupil", "#1", "--reason", "verzoek"],
            ["--pupil", "#1", "--reason", "bsn 123456789", "--even-if-registered"],
            ["--pupil", "#99999", "--reason", "verzoek", "--even-if-registered"],
        ] {
            let result = try KijkglasBinary.run(["erase"] + refused + ["--ledger", ledger])
            #expect(result.status == 64 || result.status == 65, "\(refused): \(result.standardError)")
            #expect(result.standardError.range(of: #"\d{9}"#, options: .regularExpression) == nil)
        }
        let registered = try KijkglasBinary.run(["erase", "--pupil", "#1", "--reason", "verzoek", "--ledger", ledger])
        #expect(registered.standardError.contains("--even-if-registered"))
        #expect(try KijkglasBinary.dataFile(of: ledger) == before)

        let erased = try KijkglasBinary.run(["erase", "--pupil", "#1", "--reason", "verzoek", "--even-if-registered", "--ledger", ledger])
        #expect(erased.status == 0, "\(erased.standardError)")
        #expect(erased.standardOutput.contains("erased #1"))
        #expect(erased.standardOutput.contains("compacted"))
        #expect(try KijkglasBinary.run(["count", "--on", "01-02-2022", "--by", "category", "--ledger", ledger]).standardOutput == count.standardOutput)
        let verify = try KijkglasBinary.run(["verify", "--ledger", ledger])
        #expect(verify.status == 0)
        #expect(!verify.standardOutput.contains("note:"))
        let log = try KijkglasBinary.run(["log", "--pupil", "#1", "--ledger", ledger])
        #expect(log.standardOutput.contains("PupilErased #1"))
    }

    @Test("retention lists masked pupils without changing anything; --apply erases them and a second run finds none")
    func retention() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let before = try KijkglasBinary.dataFile(of: ledger)
        let dryRun = try KijkglasBinary.run(["retention", "--on", "01-01-2030", "--ledger", ledger])
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(dryRun.standardOutput.contains("past the period"))
        #expect(dryRun.standardOutput.contains("dry run"))
        #expect(dryRun.standardOutput.range(of: #"\d{9}"#, options: .regularExpression) == nil)
        #expect(try KijkglasBinary.dataFile(of: ledger) == before)
        let applied = try KijkglasBinary.run(["retention", "--apply", "--on", "01-01-2030", "--ledger", ledger])
        #expect(applied.status == 0, "\(applied.standardError)")
        #expect(applied.standardOutput.contains("compacted"))
        let again = try KijkglasBinary.run(["retention", "--on", "01-01-2030", "--ledger", ledger])
        #expect(again.standardOutput.contains("0 pupils past the period"))
        #expect(try KijkglasBinary.run(["verify", "--ledger", ledger]).status == 0)
    }
}
