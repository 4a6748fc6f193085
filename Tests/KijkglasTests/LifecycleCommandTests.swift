import Foundation
import Testing
import TestSupport

@Suite("Lifecycle, diff and log commands", .serialized)
struct LifecycleCommandTests {
    @Test("refused lifecycle commands exit 64 or 65 with a message and leave the ledger byte-for-byte unchanged")
    func refusals() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let before = try KijkglasBinary.dataFile(of: ledger)
        let unknown = try KijkglasBinary.run(["withdraw", "R99", "--on", "01-05-2022", "--reason", "x", "--ledger", ledger])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("no release R99"))
        let early = try KijkglasBinary.run(["withdraw", "R5", "--on", "01-01-2022", "--reason", "x", "--ledger", ledger])
        #expect(early.status == 65)
        #expect(early.standardError.contains("before R5's publication"))
        #expect(try KijkglasBinary.dataFile(of: ledger) == before)

        #expect(try KijkglasBinary.run(["definitive", "R7", "--on", "01-09-2022", "--ledger", ledger]).status == 0)
        let second = try KijkglasBinary.run(["definitive", "R6", "--on", "01-09-2022", "--ledger", ledger])
        #expect(second.status == 65)
        #expect(second.standardError.contains("already the definitive release"))
    }

    @Test("withdraw and definitive on a directory without a ledger exit 74 and create nothing")
    func noLedger() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.appending("none")
        for arguments in [["withdraw", "R1", "--on", "01-05-2022", "--reason", "x"], ["definitive", "R1", "--on", "01-05-2022"]] {
            let result = try KijkglasBinary.run(arguments + ["--ledger", missing])
            #expect(result.status == 74)
            #expect(result.standardError.contains("kijkglas: no ledger at \(missing)"))
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test("a withdrawal shows in releases and changes what count answers after its day only")
    func withdrawal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let beforeWithdrawal = try KijkglasBinary.run(["count", "--on", "01-02-2022", "--all", "--known-at", "01-05-2022", "--ledger", ledger])
        #expect(try KijkglasBinary.run(["withdraw", "R5", "--on", "10-05-2022", "--reason", "fouten", "--ledger", ledger]).status == 0)
        let releases = try KijkglasBinary.run(["releases", "--ledger", ledger])
        #expect(releases.standardOutput.contains("withdrawn 2022-05-10"))
        let json = try KijkglasBinary.run(["releases", "--format", "json", "--ledger", ledger])
        let listed = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])?["releases"] as? [[String: Any]])
        let tableLines = releases.standardOutput.split(separator: "\n").dropFirst(2)
        #expect(listed.count == tableLines.count)
        let withdrawn = try #require(listed.first { $0["id"] as? String == "R5" })
        #expect(withdrawn["status"] as? String == "withdrawn")
        #expect(withdrawn["withdrawn"] as? [String: String] == ["on": "2022-05-10", "reason": "fouten"])
        for (entry, line) in zip(listed, tableLines) {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(cells.first == entry["id"] as? String)
            #expect(cells.contains(String(entry["rows"] as? Int ?? -1)))
            #expect((entry["sha256"] as? String)?.hasPrefix(cells[cells.firstIndex { $0.count == 12 && $0.allSatisfy(\.isHexDigit) } ?? 0]) == true)
        }
        let knownBefore = try KijkglasBinary.run(["count", "--on", "01-02-2022", "--all", "--known-at", "01-05-2022", "--ledger", ledger])
        #expect(knownBefore.standardOutput == beforeWithdrawal.standardOutput)
        let knownAfter = try KijkglasBinary.run(["count", "--on", "01-02-2022", "--all", "--known-at", "15-05-2022", "--ledger", ledger])
        #expect(knownAfter.standardOutput.contains("R4"), "\(knownAfter.standardOutput)")
        #expect(try KijkglasBinary.run(["verify", "--ledger", ledger]).status == 0)
    }

    @Test("diff of any two releases in every format; --fail-if-changed exits 1 only when they differ")
    func diff() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let text = try KijkglasBinary.run(["diff", "R1", "R7", "--ledger", ledger])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("R1 (published 2021-09-15) → R7"))
        let json = try KijkglasBinary.run(["diff", "R4", "R5", "--format", "json", "--ledger", ledger])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count > 10)
        #expect((document["corrections"] as? Int ?? 0) > 0)
        let csv = try KijkglasBinary.run(["diff", "R4", "R5", "--format", "csv", "--ledger", ledger])
        #expect(csv.standardOutput.hasPrefix("kind;classification;pupil;"))
        let markdown = try KijkglasBinary.run(["diff", "R4", "R5", "--format", "md", "--ledger", ledger])
        #expect(markdown.standardOutput.contains("| kind | classification |"))
        #expect(try KijkglasBinary.run(["diff", "R4", "R5", "--fail-if-changed", "--ledger", ledger]).status == 1)
        #expect(try KijkglasBinary.run(["diff", "R5", "R5", "--fail-if-changed", "--ledger", ledger]).status == 0)
        for output in [text, json, csv, markdown] {
            #expect(output.standardOutput.range(of: #"\d{9}"#, options: .regularExpression) == nil)
        }
    }

    @Test("log --format ndjson writes one JSON object a line with masked pupils, and filters combine")
    func ndjson() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let log = try KijkglasBinary.run(["log", "--release", "R5", "--corrections-only", "--format", "ndjson", "--ledger", ledger])
        let lines = log.standardOutput.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["release"] as? String == "R5")
            #expect(object["classification"] as? String == "correction")
            let pupil = (object["registration"] as? [String: Any])?["pupil"] as? String
            #expect(pupil?.range(of: #"^\*{7}\d{2}$"#, options: .regularExpression) != nil)
        }
        let opened = try KijkglasBinary.run(["log", "--kind", "opened", "--release", "R2", "--ledger", ledger])
        #expect(opened.standardOutput.split(separator: "\n").allSatisfy { $0.contains("RegistrationOpened") })
        #expect(try KijkglasBinary.run(["log", "--kind", "nonsense", "--ledger", ledger]).status == 64)
    }
}
