import Foundation
import Ledger
@testable import LMDB
@testable import LedgerStorage
import SampleData
import Testing
import TestSupport

/// Recording seals a release's rows where they are; the write transaction runs again from the
/// start after `MDB_MAP_FULL`, and must then begin from the rows as they came.
@Suite("Sealing a release's rows in place")
struct SealingRerunTests {
    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    /// Releases whose later ones add pupils with random PGNs: numbered after every pupil
    /// before them, they sort into the middle of the rows by PGN, so sealing must reorder.
    private func history(seed: UInt64) -> [IncomingRelease] {
        var generator = RegistrationGenerator(seed: seed)
        var rows = generator.rows(count: 80)
        return (0..<5).map { index in
            defer { rows = generator.evolve(rows) }
            let name = "release-\(index).csv"
            return IncomingRelease(
                scope: scope, publishedOn: Day.literal(2021, 9, 15).adding(days: 30 * index), fileName: name,
                fileSHA256: Array(name.utf8) + Array(repeating: 0, count: 32 - name.utf8.count), rows: rows)
        }
    }

    /// Every release's stored rows (pupil numbers and all) and every event of `store`.
    private func contents(of store: LedgerStore) throws -> (rows: [[Registration]], events: [Event]) {
        var events: [Event] = []
        try store.forEachEvent { _, event in
            events.append(event)
            return true
        }
        return (try store.releases().map { try store.rows(of: $0.id) }, events)
    }

    @Test("a release whose transaction runs again after MDB_MAP_FULL on commit is stored as without it: same pupil numbers, rows and events",
          arguments: [1, 2, 3] as [UInt64])
    func rerunAfterMapFull(seed: UInt64) throws {
        let releases = history(seed: seed)
        let plainDirectory = try TemporaryDirectory()
        defer { plainDirectory.remove() }
        let plain = try LedgerStore(directory: plainDirectory.path)
        var reordered = 0
        for release in releases {
            _ = try plain.record(release)
            let stored = try plain.rows(of: try #require(plain.releases().last).id)
            let pgns = try stored.map { try plain.revealed($0.pgn) }
            if pgns != pgns.sorted() { reordered += 1 }
        }
        #expect(reordered > 0, "no release made sealing reorder its rows (seed \(seed))")
        let expected = try contents(of: plain)

        for faulted in releases.indices {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try LedgerStore(directory: directory.path)
            for (index, release) in releases.enumerated() {
                guard index == faulted else {
                    _ = try store.record(release)
                    continue
                }
                let script = FaultInjector.Script()
                script.failNext(.commit, with: .mapFull)
                _ = try FaultInjector.$current.withValue(script) { try store.record(release) }
                #expect(script.isExhausted, "the commit of release \(index) was not failed")
            }
            let found = try contents(of: store)
            #expect(found.rows == expected.rows, "release \(faulted) run twice, seed \(seed)")
            #expect(found.events == expected.events, "release \(faulted) run twice, seed \(seed)")
            #expect(try store.verify().isValid)
        }
    }
}
