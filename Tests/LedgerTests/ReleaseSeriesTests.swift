import Foundation
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

/// The series generator's ground truth against the ledger: recorded release by release, each
/// release's batch holds exactly the events by kind and classification the generator says its
/// changes must give.
@Suite("Release series at scale")
struct ReleaseSeriesTests {
    @Test("every release's batch has the generator's counts of events by kind and classification", arguments: [1, 2, 3] as [UInt64])
    func groundTruth(seed: UInt64) throws {
        let series = ReleaseSeries(seed: seed, rows: 4_000, count: 6)
        #expect(series.releases.count == 6)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        for (index, release) in series.releases.enumerated() {
            let outcome = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: ReleaseSeries.swv, period: ReleaseSeries.schoolYear),
                publishedOn: release.published, fileName: "series-\(index).csv",
                fileSHA256: [UInt8](repeating: UInt8(index + 1), count: 32), rows: release.rows))
            guard case .recorded(_, let batch) = outcome else { throw LedgerError.rejected("not recorded") }
            #expect(batch.counts == release.expected, "release \(index)")
        }
        for release in series.releases.dropFirst() {
            let classes = Set(release.expected.values.flatMap(\.keys))
            #expect(classes == [.change, .correction, .futureDated], "every later release changes, corrects and announces")
        }
        #expect(try store.verify().isValid)
    }

    @Test("the same seed gives the same series; another seed another")
    func deterministic() {
        let (a, b, c) = (ReleaseSeries(seed: 5, rows: 500, count: 3), ReleaseSeries(seed: 5, rows: 500, count: 3), ReleaseSeries(seed: 6, rows: 500, count: 3))
        #expect(a.releases.map(\.rows) == b.releases.map(\.rows))
        #expect(a.releases.map(\.rows) != c.releases.map(\.rows))
    }
}
