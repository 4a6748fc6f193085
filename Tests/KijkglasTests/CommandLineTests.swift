import Foundation
import LMDB
import Testing
import TestSupport

@Suite("The kijkglas command, run as a user runs it", .serialized)
struct CommandLineTests {
    @Test("demo prints the tour, finds the correction and verifies")
    func demo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try KijkglasBinary.run(["demo", "--ledger", directory.appending("ledger")])
        #expect(result.status == 0, "\(result.standardError)")
        for heading in [
            "## 1. Ingest", "## 2. Releases", "## 3. Events", "## 4. The correction it found", "## 5. Counts", "## 6. Growth",
            "## 7. Revisions", "## 8. DUO's kijkglas-3 for 2022-02-01: withdrawn, republished, made definitive", "## 9. Verify",
        ] {
            #expect(result.standardOutput.contains(heading))
        }
        #expect(result.standardOutput.contains("On 2021-10-01:"))
        #expect(result.standardOutput.contains("On 2022-02-01:"))
        #expect(result.standardOutput.contains("R5 (published 29-04-2022) rewrites the past"))
        #expect(result.standardOutput.contains("[correction]"))
        #expect(result.standardOutput.contains("\nok: "))
        #expect(result.standardOutput.contains("Growth from 2021-10-01 to 2022-02-01"))
        #expect(result.standardOutput.contains("published R7"))
        #expect(result.standardOutput.contains("R8 withdrawn on 2022-05-20"))
        let reconciliations = result.standardOutput.components(separatedBy: "\n### ").dropFirst()
        #expect(reconciliations.map { $0.split(separator: "\n").last { $0 == "Differs." || $0 == "Agrees." } }
            == ["Differs.", "Differs.", "Agrees."])
        let withoutPath = result.standardOutput.replacingOccurrences(of: directory.path, with: "")
        #expect(!containsNineDigitRun(withoutPath), "a PGN leaked into the demo output")

        let verify = try KijkglasBinary.run(["verify", "--ledger", directory.appending("ledger")])
        #expect(verify.status == 0)
    }

    @Test("a ledger named by a relative one-letter path, and a nested relative one, is created owner-only")
    func relativeLedgerPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for ledger in ["l", "a/b/l"] {
            let result = try KijkglasBinary.run(["ingest", try demoFile(index: 0), "--ledger", ledger], in: directory.path)
            #expect(result.status == 0, "\(ledger): \(result.standardError)")
            let mode = try FileManager.default.attributesOfItem(atPath: directory.appending(ledger))[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o777 } == 0o700)
        }
    }

    @Test("ingesting the same file twice says already ingested and writes nothing")
    func idempotentIngest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try demoFile(index: 0)
        let ledger = directory.appending("ledger")
        let first = try KijkglasBinary.run(["ingest", file, "--ledger", ledger])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try KijkglasBinary.dataFile(of: ledger)
        let second = try KijkglasBinary.run(["ingest", file, "--ledger", ledger])
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("already ingested as R1"))
        let log = try KijkglasBinary.run(["log", "--ledger", ledger, "--limit", "3"])
        #expect(log.standardOutput.split(separator: "\n").count == 3)
        #expect(try KijkglasBinary.dataFile(of: ledger) == before)
    }

    @Test("a flipped byte in a stored event makes verify exit 1 naming that record")
    func verifyFindsFlippedByte() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["demo", "--ledger", ledger]).status == 0)
        do {
            let environment = try Environment(directory: ledger)
            let log = try environment.database("log")
            let key = withUnsafeBytes(of: UInt64(25).bigEndian) { Array($0) }
            try environment.write { transaction in
                var bytes = try #require(try transaction.get(key, in: log))
                bytes[bytes.count / 2 + 20] ^= 0x40
                try transaction.put(bytes, for: key, in: log)
            }
        }
        let result = try KijkglasBinary.run(["verify", "--ledger", ledger])
        #expect(result.status == 1)
        #expect(result.standardError.contains("first bad record: 25"), "\(result.standardError)")
    }

    @Test("bad input ends with exit 65, names file, line and column, masks the PGN, and leaves the ledger byte-for-byte unchanged")
    func badInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["ingest", try demoFile(index: 0), "--ledger", ledger]).status == 0)
        let before = try KijkglasBinary.dataFile(of: ledger)

        let good = try String(contentsOfFile: try demoFile(index: 1), encoding: .utf8)
        var lines = good.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let headerIndex = try #require(lines.firstIndex { $0.contains("Begindatum") })
        var cells = lines[headerIndex + 2].components(separatedBy: ";")
        let dateColumn = try #require(lines[headerIndex].components(separatedBy: ";").firstIndex { $0 == "Begindatum" })
        cells[dateColumn] = "31-02-2022"
        lines[headerIndex + 2] = cells.joined(separator: ";")
        let bad = directory.appending("kijkglas2-bad.csv")
        try lines.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)

        let result = try KijkglasBinary.run(["ingest", bad, "--ledger", ledger])
        #expect(result.status == 65)
        #expect(result.standardError.contains("kijkglas2-bad.csv:\(headerIndex + 3):\(dateColumn + 1):"), "\(result.standardError)")
        #expect(result.standardError.contains("31-02-2022"))
        #expect(!containsNineDigitRun(result.standardError))
        #expect(try KijkglasBinary.dataFile(of: ledger) == before)
    }

    @Test("count on 1 February breaks down by category and adds up")
    func count() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["demo", "--ledger", ledger]).status == 0)
        let total = try KijkglasBinary.run(["count", "--on", "01-02-2022", "--ledger", ledger])
        let byCategory = try KijkglasBinary.run(["count", "--on", "2022-02-01", "--by", "category", "--ledger", ledger])
        #expect(total.status == 0)
        let pupils = try #require(pupilTotal(total.standardOutput))
        #expect(pupils > 50)
        #expect(pupilTotal(byCategory.standardOutput) == pupils)
        let groupLines = byCategory.standardOutput.split(separator: "\n").drop { !$0.hasPrefix("--") }.dropFirst()
        let sum = groupLines.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
        #expect(sum == pupils)
    }

    @Test("a usage mistake exits 64")
    func usage() throws {
        #expect(try KijkglasBinary.run(["count", "--on", "31-02-2022"]).status == 64)
        #expect(try KijkglasBinary.run(["frobnicate"]).status == 64)
    }

    /// The N of the `On jjjj-mm-dd: N pupils` line.
    private func pupilTotal(_ output: String) -> Int? {
        output.split(separator: "\n").first { $0.hasPrefix("On ") }?.split(separator: " ").dropFirst(2).first.flatMap { Int($0) }
    }

    private func demoFile(index: Int) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KijkglasKit/Demo")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        return folder.appendingPathComponent(files[index]).path
    }

    private func containsNineDigitRun(_ text: String) -> Bool {
        text.range(of: #"\d{9}"#, options: .regularExpression) != nil
    }
}
