import Foundation
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

@Suite("Subscribers: durable cursors over the log")
struct SubscriberTests {
    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    private func releases(seed: UInt64, count: Int) -> [IncomingRelease] {
        var generator = RegistrationGenerator(seed: seed)
        var rows = generator.rows(count: 40)
        return (0..<count).map { index in
            defer { rows = generator.evolve(rows) }
            let name = "release-\(index).csv"
            return IncomingRelease(
                scope: scope, publishedOn: Day(year: 2021, month: 9, day: 15)!.adding(days: 30 * index), fileName: name,
                fileSHA256: Array(name.utf8) + Array(repeating: 0, count: 32 - name.utf8.count), rows: rows)
        }
    }

    @Test("a cursor survives reopening, moves only forward, and never past the log's end")
    func cursorIsDurable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try LedgerStore(directory: directory.path)
            _ = try store.record(releases(seed: 7, count: 1)[0])
            #expect(try store.createSubscriber(named: "mail").acknowledged == 0)
            #expect(try store.acknowledge("mail", through: 5).acknowledged == 5)
            #expect(try store.acknowledge("mail", through: 3).acknowledged == 5)
            let end = try store.eventCount()
            #expect(throws: LedgerError.self) { try store.acknowledge("mail", through: end + 1) }
            #expect(throws: LedgerError.self) { try store.acknowledge("nobody", through: 1) }
            #expect(throws: LedgerError.self) { try store.createSubscriber(named: "no spaces") }
        }
        let reopened = try LedgerStore(directory: directory.path, readOnly: true)
        #expect(try reopened.subscribers() == [Subscriber(name: "mail", acknowledged: 5)])
        #expect(try reopened.subscriber(named: "other") == nil)
    }

    @Test("a digest holds every event after the cursor once, grouped by release in log order")
    func digestAfterCursor() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let seed = SplitMix64.seedFromEnvironment()
        let history = releases(seed: seed, count: 3)
        let store = try LedgerStore(directory: directory.path)
        _ = try store.record(history[0])
        let subscriber = try store.createSubscriber(named: "feed")
        let cursor = try store.acknowledge(subscriber.name, through: try store.eventCount())
        _ = try store.record(history[1])
        _ = try store.record(history[2])
        var expected: [UInt64] = []
        try store.forEachEvent(from: cursor.acknowledged + 1) { sequence, _ in
            expected.append(sequence)
            return true
        }
        let digest = try store.digest(for: cursor)
        #expect(digest.sections.map(\.id) == [ReleaseID(2), ReleaseID(1), ReleaseID(3)], "seed \(seed)")
        #expect(digest.sections[1].entries.allSatisfy { $0.event.kindName == "ReleaseSuperseded" }, "seed \(seed)")
        #expect(digest.sections.flatMap(\.entries).map(\.sequence).sorted() == expected, "seed \(seed)")
        for section in digest.sections { #expect(section.entries.map(\.sequence) == section.entries.map(\.sequence).sorted()) }
        #expect(digest.through == expected.last)
        for section in digest.sections {
            #expect(section.news.count + section.corrections.count == section.tally.total)
        }
        let caughtUp = try store.acknowledge("feed", through: digest.through)
        #expect(try store.digest(for: caughtUp).isEmpty)
    }
}
