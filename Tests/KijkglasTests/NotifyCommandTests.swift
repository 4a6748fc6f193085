import Foundation
import Testing
import TestSupport

@Suite("notify: digests over a durable cursor, printed or posted to a webhook", .serialized)
struct NotifyCommandTests {
    private func demoFile(index: Int) throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KijkglasKit/Demo")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        return folder.appendingPathComponent(files[index]).path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every `sequence` anywhere in a JSON value.
    private func sequences(in value: Any) -> [Int] {
        if let object = value as? [String: Any] {
            return ((object["sequence"] as? Int).map { [$0] } ?? []) + object.values.flatMap(sequences)
        }
        if let array = value as? [Any] { return array.flatMap(sequences) }
        return []
    }

    private func notify(_ ledger: String, _ arguments: [String]) throws -> KijkglasBinary.Result {
        try KijkglasBinary.run(["notify", "--ledger", ledger] + arguments)
    }

    @Test("a digest lists exactly the events of the releases ingested since the cursor, again until --ack, then nothing")
    func digestUntilAcknowledged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["ingest", try demoFile(index: 0), "--ledger", ledger]).status == 0)
        let first = try notify(ledger, ["--subscriber", "mail", "--create", "--ack", "--format", "json"])
        #expect(first.status == 0, "\(first.standardError)")
        let cursor = try #require(try json(first.standardOutput)["through"] as? Int)

        for index in [1, 2] { #expect(try KijkglasBinary.run(["ingest", try demoFile(index: index), "--ledger", ledger]).status == 0) }
        let log = try KijkglasBinary.run(["log", "--since", String(cursor + 1), "--format", "ndjson", "--ledger", ledger])
        let logged = try log.standardOutput.split(separator: "\n").map { try json(String($0)) }
        #expect(Set(logged.compactMap { $0["release"] as? String }) == ["R1", "R2", "R3"])
        #expect(logged.filter { $0["release"] as? String == "R1" }.allSatisfy { $0["kind"] as? String == "ReleaseSuperseded" })

        let digest = try notify(ledger, ["--subscriber", "mail", "--format", "json"])
        #expect(digest.status == 0, "\(digest.standardError)")
        let document = try json(digest.standardOutput)
        let listed = sequences(in: document)
        #expect(listed.sorted() == logged.compactMap { $0["sequence"] as? Int }.sorted())
        #expect(Set(listed).count == listed.count)
        #expect(document["after"] as? Int == cursor)
        #expect((document["releases"] as? [[String: Any]])?.compactMap { $0["release"] as? String } == ["R2", "R1", "R3"])
        #expect(digest.standardOutput.range(of: #"\d{9}"#, options: .regularExpression) == nil)

        let again = try notify(ledger, ["--subscriber", "mail", "--format", "json"])
        #expect(again.standardOutput == digest.standardOutput)
        let markdown = try notify(ledger, ["--subscriber", "mail", "--format", "md", "--ack"])
        #expect(markdown.standardOutput.contains("# Kijkglas digest for mail"))
        #expect(markdown.standardError.contains("now at event \(listed.max() ?? 0)"))
        let after = try notify(ledger, ["--subscriber", "mail"])
        #expect(after.status == 0)
        #expect(after.standardOutput.hasPrefix("Nothing new for subscriber mail"))
        let empty = try json(try notify(ledger, ["--subscriber", "mail", "--format", "json"]).standardOutput)
        #expect(empty["events"] as? Int == 0)
    }

    @Test("corrections of the past and a corrected release come first, set apart")
    func correctionsSetApart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["demo", "--ledger", ledger]).status == 0)
        #expect(try KijkglasBinary.run(["withdraw", "R6", "--on", "01-07-2022", "--reason", "fouten", "--ledger", ledger]).status == 0)
        let text = try notify(ledger, ["--subscriber", "x", "--create"])
        let lines = text.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.dropFirst(2).first == "!! CORRECTIONS OF THE PAST AND CORRECTED OR WITHDRAWN RELEASES")
        #expect(text.standardOutput.contains("!! CORRECTED RELEASE:"))
        #expect(text.standardOutput.contains("!! WITHDRAWN by DUO on 2022-07-01: fouten"))
        let document = try json(try notify(ledger, ["--subscriber", "x", "--format", "json"]).standardOutput)
        let attention = try #require(document["attention"] as? [[String: Any]])
        #expect(attention.contains { $0["release"] as? String == "R5" && $0["correctedRelease"] as? Bool == true })
        #expect(attention.contains { $0["release"] as? String == "R6" && $0["withdrawn"] != nil })
    }

    @Test("an unknown subscriber without --create exits 64 naming the known ones, and creates nothing")
    func unknownSubscriber() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["ingest", try demoFile(index: 0), "--ledger", ledger]).status == 0)
        #expect(try notify(ledger, ["--subscriber", "alpha", "--create"]).status == 0)
        let unknown = try notify(ledger, ["--subscriber", "beta"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("no subscriber 'beta'"))
        #expect(unknown.standardError.contains("known: alpha"))
        #expect(try notify(ledger, ["--subscriber", "beta"]).status == 64)
        #expect(try notify(ledger, ["--subscriber", "bad name"]).status == 64)
        let missing = try notify(directory.appending("nowhere"), ["--subscriber", "alpha"])
        #expect(missing.status == 74)
        #expect(!FileManager.default.fileExists(atPath: directory.appending("nowhere")))
    }

    @Test("notify --webhook exits 74 when no 2xx comes and 0 on delivery, printing what moved")
    func webhook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        for index in [0, 1] { #expect(try KijkglasBinary.run(["ingest", try demoFile(index: index), "--ledger", ledger]).status == 0) }
        let created = try notify(ledger, ["--subscriber", "hook", "--create", "--format", "json"])
        let through = try #require(try json(created.standardOutput)["through"] as? Int)
        let fast = ["--webhook-delay-ms", "10", "--webhook-timeout", "5"]

        let failing = try LoopbackHTTPServer(statuses: [500, 500])
        let refused = try notify(ledger, ["--subscriber", "hook", "--webhook", failing.url, "--webhook-tries", "2"] + fast)
        failing.waitUntilStopped()
        #expect(refused.status == 74)
        #expect(refused.standardError.contains("stays at event 0"))
        #expect(try notify(ledger, ["--subscriber", "hook", "--webhook", "ftp://host/x"]).status == 64)

        let recovering = try LoopbackHTTPServer(statuses: [503, 204])
        let delivered = try notify(ledger, ["--subscriber", "hook", "--webhook", recovering.url, "--webhook-tries", "3"] + fast)
        recovering.waitUntilStopped()
        #expect(delivered.status == 0, "\(delivered.standardError)")
        #expect(delivered.standardOutput.contains("Delivered \(through) events (1…\(through))"))
        #expect(delivered.standardOutput.contains("on try 2 (HTTP 204)"))
        let after = try notify(ledger, ["--subscriber", "hook"])
        #expect(after.standardOutput.hasPrefix("Nothing new for subscriber hook after event \(through)"))
    }
}
