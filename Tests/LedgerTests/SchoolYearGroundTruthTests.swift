import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

/// The generators' ground truth over a school year's end: a new school year's first release
/// is the first of its own scope (every row an initial opening), and the releases after it are
/// diffed against it, not against the year before.
@Suite("Events against the generators' ground truth across a school year")
struct SchoolYearGroundTruthTests {
    @Test("a scripted history over two school years: every batch holds exactly the scripted events and classifications", arguments: [1, 2, 3] as [UInt64])
    func scriptedHistory(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let history = ScriptedHistory(seed: seed, count: 8, releasesPerYear: 4)
        #expect(history.schoolYears == Array(repeating: "2021-2022", count: 4) + Array(repeating: "2022-2023", count: 4), "seed \(seed)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        var indexOf: [ReleaseID: Int] = [:]
        // The second year's first file loaded before the first year's last.
        for index in [0, 1, 2, 4, 3, 5, 6, 7] {
            var sha = [UInt8](repeating: 0, count: 32)
            sha[0] = UInt8(index)
            let release = IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: "VO9901", period: history.schoolYears[index]),
                publishedOn: history.releases[index].published, fileName: "r\(index).csv", fileSHA256: sha,
                rows: history.releases[index].rows)
            guard case .recorded(let recorded, _) = try store.record(release) else {
                Issue.record("seed \(seed): release \(index) not recorded")
                return
            }
            indexOf[recorded.id] = index
        }
        let lifecycles = try store.lifecycles()
        var actual: [ScriptedHistory.Expected] = []
        try store.forEachEvent { _, event in
            if case .registration(let registration) = event, lifecycles[registration.release]?.currentBase == registration.base,
                let index = indexOf[registration.release]
            {
                var key = registration.key
                key.pgn = try store.revealed(key.pgn)
                actual.append(.init(release: index, key: key, kind: registration.change.kind, classification: registration.classification))
            }
            return true
        }
        let missing = Set(history.expected).subtracting(actual)
        let unexpected = Set(actual).subtracting(history.expected)
        #expect(missing.isEmpty, "seed \(seed): missing \(missing)")
        #expect(unexpected.isEmpty, "seed \(seed): unexpected \(unexpected)")
        #expect(actual.count == history.expected.count, "seed \(seed)")
        let secondYear = history.expected.filter { $0.release == 4 }
        #expect(!secondYear.isEmpty && secondYear.allSatisfy { $0.kind == .opened && $0.classification == .initial }, "seed \(seed)")
        #expect(secondYear.count == history.releases[4].rows.count, "seed \(seed)")
        #expect(try store.verify().isValid, "seed \(seed)")
    }

    @Test("a release series over two school years: every batch has the generator's counts, the new year's first all initial openings", arguments: [1, 2] as [UInt64])
    func releaseSeries(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let series = ReleaseSeries(seed: seed, rows: 1_500, count: 8, releasesPerYear: 4)
        #expect(series.releases.map(\.schoolYear) == Array(repeating: "2021-2022", count: 4) + Array(repeating: "2022-2023", count: 4), "seed \(seed)")
        let first = series.releases[4]
        #expect(first.published == Day.literal(2022, 10, 15) && first.expected == [.opened: [.initial: first.rows.count]], "seed \(seed)")
        // Pupils who left in the first year are not in the second year's files.
        let left = Set(series.releases[3].rows.filter { ($0.periodEnd ?? .literal(2022, 8, 1)) < Day.literal(2022, 8, 1) }.map(\.key))
        #expect(!left.isEmpty && first.rows.allSatisfy { !left.contains($0.key) }, "seed \(seed)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        for (index, release) in series.releases.enumerated() {
            let outcome = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: ReleaseSeries.swv, period: release.schoolYear),
                publishedOn: release.published, fileName: "series-\(index).csv",
                fileSHA256: [UInt8](repeating: UInt8(index + 1), count: 32), rows: release.rows))
            guard case .recorded(_, let batch) = outcome else { throw LedgerError.rejected("not recorded") }
            #expect(batch.counts == release.expected, "seed \(seed) release \(index)")
        }
        #expect(try store.verify().isValid, "seed \(seed)")
    }
}
