import Foundation
import LMDB
import Ledger
import SampleData
import Testing
import TestSupport

@Suite("Stored projections are stamped and rebuilt")
struct ProjectionRebuildTests {
    @Test("a ledger whose projection stamp differs gets its lifecycles rebuilt from the log on a writable open")
    func rebuildOnStampChange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let history = ScriptedHistory(seed: 9, count: 3)
        let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")
        var expected: [ReleaseID: ReleaseLifecycle] = [:]
        do {
            let store = try LedgerStore(directory: directory.path)
            for (index, release) in history.releases.enumerated() {
                var sha = [UInt8](repeating: 0, count: 32)
                sha[0] = UInt8(index)
                _ = try store.record(
                    IncomingRelease(scope: scope, publishedOn: release.published, fileName: "r\(index).csv", fileSHA256: sha, rows: release.rows))
            }
            try store.withdraw(ReleaseID(2), on: history.releases[2].published, reason: "ingetrokken")
            expected = try store.lifecycles()
        }
        do {
            let environment = try Environment(directory: directory.path)
            let meta = try environment.database("meta")
            let lifecycles = try environment.database("lifecycles")
            try environment.write { transaction in
                try transaction.put([0, 0, 0, 0, 0, 0, 0, 0], for: Array("projection-stamp".utf8), in: meta)
                try transaction.delete(ReleaseID(2).storageKey, in: lifecycles)
                try transaction.put([1, 2, 3], for: ReleaseID(3).storageKey, in: lifecycles)
            }
        }
        #expect(!(try LedgerStore(directory: directory.path, readOnly: true).verify().isValid))
        let reopened = try LedgerStore(directory: directory.path)
        #expect(try reopened.lifecycles() == expected)
        #expect(try reopened.verify().isValid)
    }
}
