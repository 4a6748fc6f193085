import Benchmark
import Foundation
import Ingest
import Ledger
import SampleData

/// Read, diff and durable ingest at 10,000, 100,000 and 1,000,000 rows a release, count at
/// 10,000 and 100,000. Each benchmark builds and checks its data in setup, before it is timed,
/// so a broken build cannot look fast.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
    Benchmark.defaultConfiguration = .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 20)

    for rows in [10_000, 100_000, 1_000_000] {
        let configuration: Benchmark.Configuration =
            rows < 1_000_000
            ? Benchmark.defaultConfiguration
            : .init(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(120), maxIterations: 3)
        let scratch = NSTemporaryDirectory() + "kijkglas-bench-\(rows)"

        Benchmark("read \(rows) rows (one Kijkglas 2 CSV file)", configuration: configuration) { (benchmark: Benchmark, file: String) in
            let reader = try ReleaseFileReader.builtIn()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try reader.read(file: file))
            }
        } setup: {
            let pair = ReleasePair(rows: rows, seed: 7)
            try pair.write(to: scratch)
            let file = scratch + "/old.csv"
            let read = try ReleaseFileReader.builtIn().read(file: file)
            precondition(read.rows == pair.old, "the file must read back as its rows")
            return file
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        Benchmark("diff \(rows) rows, 5% changed", configuration: configuration) { (benchmark: Benchmark, pair: ReleasePair) in
            for _ in benchmark.scaledIterations {
                blackHole(pair.diff())
            }
        } setup: {
            ReleasePair.checked(rows: rows)
        }

        // Each run copies a ledger that holds the old release, then records the new one.
        Benchmark("ingest \(rows) rows (durable, diffed against the previous release)", configuration: configuration) { (benchmark: Benchmark, pair: ReleasePair) in
            for _ in benchmark.scaledIterations {
                let directory = scratch + "/\(UUID().uuidString)"
                defer { try? FileManager.default.removeItem(atPath: directory) }
                try FileManager.default.copyItem(atPath: scratch + "/template", toPath: directory)
                let store = try LedgerStore(directory: directory)
                benchmark.startMeasurement()
                blackHole(try store.record(pair.release(1)))
                benchmark.stopMeasurement()
            }
        } setup: {
            let pair = ReleasePair.checked(rows: rows)
            _ = try LedgerStore(directory: scratch + "/template").record(pair.release(0))
            return pair
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        guard rows < 1_000_000 else { continue }
        Benchmark("count on a day, \(rows) rows") { (benchmark: Benchmark, store: LedgerStore) in
            let day = Day.literal(2022, 2, 1)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let state = try store.knownState()
                blackHole(PupilCount(rows: state.rows, on: day).total)
            }
        } setup: {
            let store = try LedgerStore(directory: scratch + "/count")
            _ = try store.record(ReleasePair.checked(rows: rows).release(0))
            return store
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }
}
