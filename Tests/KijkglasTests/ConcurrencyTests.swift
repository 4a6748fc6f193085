import Foundation
import LMDB
import Testing
import TestSupport

@Suite("Several processes on one ledger", .serialized)
struct ConcurrencyTests {
    private func releaseCount(_ output: String) -> Int {
        output.split(separator: "\n").filter { $0.hasPrefix("R") }.count
    }

    @Test("readers in other processes see a consistent snapshot while an ingest writes")
    func readersDuringIngest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pair = directory.appending("pair")
        #expect(try KijkglasBinary.runTool("kijkglas-bench", ["write-pair", pair, "20000"]).status == 0)
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["ingest", pair + "/old.csv", "--ledger", ledger]).status == 0)
        let writer = try KijkglasBinary.start(["ingest", pair + "/new.csv", "--ledger", ledger])
        var reads = 0
        while writer.isRunning || reads < 2 {
            let verify = try KijkglasBinary.run(["verify", "--ledger", ledger])
            #expect(verify.status == 0, "\(verify.standardError)")
            let releases = try KijkglasBinary.run(["releases", "--ledger", ledger])
            #expect([1, 2].contains(releaseCount(releases.standardOutput)))
            reads += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(releaseCount(try KijkglasBinary.run(["releases", "--ledger", ledger]).standardOutput) == 2)
    }

    @Test("two writers at once are serialised by LMDB's write lock: both land, in publication order")
    func twoWriters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pair = directory.appending("pair")
        #expect(try KijkglasBinary.runTool("kijkglas-bench", ["write-pair", pair, "5000"]).status == 0)
        let ledger = directory.appending("ledger")
        let first = try KijkglasBinary.start(["ingest", pair + "/new.csv", "--ledger", ledger])
        let second = try KijkglasBinary.start(["ingest", pair + "/old.csv", "--ledger", ledger])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        let releases = try KijkglasBinary.run(["releases", "--ledger", ledger]).standardOutput
        #expect(releaseCount(releases) == 2)
        #expect(try KijkglasBinary.run(["verify", "--ledger", ledger]).status == 0)
        let diff = try KijkglasBinary.run(["diff", "R1", "R2", "--fail-if-changed", "--ledger", ledger])
        #expect(diff.status == 1, "the two releases differ in 5% of their rows")
    }

    @Test("a reader killed inside its read transaction leaves a stale slot that a process keeping the ledger open clears")
    func killedReader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pair = directory.appending("pair")
        #expect(try KijkglasBinary.runTool("kijkglas-bench", ["write-pair", pair, "20000"]).status == 0)
        let ledger = directory.appending("ledger")
        for file in ["old.csv", "new.csv"] {
            #expect(try KijkglasBinary.run(["ingest", pair + "/" + file, "--ledger", ledger]).status == 0)
        }
        // This process keeps the environment open, as a long-running reader would: otherwise
        // LMDB resets the reader table when the next process opens it.
        let environment = try Environment(directory: ledger, options: .init(readOnly: true))
        // verify reads the whole ledger in one read transaction; kill it somewhere inside,
        // later each try, until a kill lands while the transaction is open.
        var cleared = 0
        for delay in [0.5, 0.8, 1.2, 0.3, 2.0] where cleared == 0 {
            let reader = try KijkglasBinary.start(["verify", "--ledger", ledger])
            Thread.sleep(forTimeInterval: delay)
            guard reader.isRunning else { continue }
            kill(reader.processIdentifier, SIGKILL)
            reader.waitUntilExit()
            cleared = try environment.clearStaleReaders()
        }
        #expect(cleared == 1, "no kill landed inside verify's read transaction")
        #expect(try environment.clearStaleReaders() == 0)
        #expect(try KijkglasBinary.run(["verify", "--ledger", ledger]).status == 0)
    }
}
