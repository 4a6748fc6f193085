import Benchmark
import Foundation
import Ledger
import SampleData

/// Diff, durable ingest and count at 10,000 and 100,000 rows a release. Each benchmark checks
/// its result before it is timed, so a broken build cannot look fast.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 20)

    for rows in [10_000, 100_000] {
        let pair = BenchmarkPair(rows: rows)

        Benchmark("diff \(rows) rows, 5% changed") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(pair.diff())
            }
        }

        Benchmark("ingest \(rows) rows (durable, diffed against the previous release)") { benchmark in
            for _ in benchmark.scaledIterations {
                let directory = NSTemporaryDirectory() + "kijkglas-bench-\(UUID().uuidString)"
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let store = try LedgerStore(directory: directory)
                _ = try store.record(pair.release(0))
                benchmark.startMeasurement()
                blackHole(try store.record(pair.release(1)))
                benchmark.stopMeasurement()
            }
        }

        Benchmark("count on a day, \(rows) rows") { benchmark in
            let directory = NSTemporaryDirectory() + "kijkglas-bench-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try LedgerStore(directory: directory)
            _ = try store.record(pair.release(0))
            let day = Day.literal(2022, 2, 1)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let state = try store.knownState()
                blackHole(PupilCount(rows: state.rows, on: day).total)
            }
        }
    }
}

/// Two releases of one scope where 5% of the rows differ, checked once: the diff must find
/// changes and folding them onto the old rows must give the new rows.
struct BenchmarkPair: Sendable {
    let old: [Registration]
    let new: [Registration]

    init(rows: Int) {
        var generator = RegistrationGenerator(seed: 7)
        let old = generator.rows(count: rows)
        var random = SplitMix64(seed: 8)
        var new = old
        for index in new.indices where Int.random(in: 0..<100, using: &random) < 5 {
            new[index].category = new[index].category == .low ? .high : .low
        }
        self.old = old
        self.new = new
        var state = RowState(rows: old)
        let events = diff()
        precondition(!events.isEmpty, "the benchmark pair must differ")
        for event in events {
            try? state.apply(RegistrationEvent(release: ReleaseID(2), base: ReleaseID(1), classification: event.classification, key: event.key, change: event.change))
        }
        precondition(state == RowState(rows: new), "the diff must fold back to the new rows")
    }

    func diff() -> [(key: RegistrationKey, change: RegistrationChange, classification: Classification)] {
        RegistrationDiff.changes(from: old, to: new, basePublished: Day.literal(2021, 12, 15), published: Day.literal(2022, 1, 20))
    }

    func release(_ index: Int) -> IncomingRelease {
        var sha = [UInt8](repeating: 0, count: 32)
        sha[0] = UInt8(index)
        return IncomingRelease(
            scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
            publishedOn: Day.literal(2021, 12, 15).adding(days: 36 * index), fileName: "r\(index).csv",
            fileSHA256: sha, rows: index == 0 ? old : new)
    }
}
