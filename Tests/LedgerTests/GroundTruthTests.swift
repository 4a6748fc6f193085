import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

@Suite("Events against the generator's ground truth")
struct GroundTruthTests {
    @Test("with a late file and a withdrawal, every batch holds exactly the scripted events and classifications",
          arguments: [1, 2, 3, 4, 5] as [UInt64])
    func scriptedHistory(seed: UInt64) throws {
        let history = ScriptedHistory(seed: seed, count: 5)
        let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        var indexOf: [ReleaseID: Int] = [:]
        for index in [0, 1, 3, 4, 2] {
            var sha = [UInt8](repeating: 0, count: 32)
            sha[0] = UInt8(index)
            let release = IncomingRelease(
                scope: scope, publishedOn: history.releases[index].published, fileName: "r\(index).csv",
                fileSHA256: sha, rows: history.releases[index].rows)
            guard case .recorded(let recorded, _) = try store.record(release) else {
                Issue.record("release \(index) not recorded")
                return
            }
            indexOf[recorded.id] = index
        }
        let withdrawn = try #require(indexOf.first { $0.value == 3 }?.key)
        try store.withdraw(withdrawn, on: history.releases[3].published.adding(days: 5), reason: "ingetrokken")

        let lifecycles = try store.lifecycles()
        var actual: [ScriptedHistory.Expected] = []
        try store.forEachEvent { _, event in
            if case .registration(let registration) = event,
                lifecycles[registration.release]?.currentBase == registration.base,
                let index = indexOf[registration.release]
            {
                actual.append(
                    .init(release: index, key: registration.key.naming { (try? store.revealed($0)) ?? $0 }, kind: registration.change.kind,
                          classification: registration.classification))
            }
            return true
        }
        let missing = Set(history.expected).subtracting(actual)
        let unexpected = Set(actual).subtracting(history.expected)
        #expect(missing.isEmpty, "seed \(seed): missing \(missing)")
        #expect(unexpected.isEmpty, "seed \(seed): unexpected \(unexpected)")
        #expect(actual.count == history.expected.count, "seed \(seed)")
        #expect(Set(history.expected.map(\.classification)) == Set(Classification.allCases), "the script covers every classification")
        #expect(try store.verify().isValid)
    }
}
