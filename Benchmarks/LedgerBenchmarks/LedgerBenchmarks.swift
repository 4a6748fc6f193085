import Benchmark
import Foundation
import Ingest
import Ledger
import LedgerStorage
import SampleData

/// Read, diff, durable ingest, count, growth and rebuilding the projections at 10,000, 100,000
/// and 1,000,000 rows a release; count and growth of one SWV in a ledger of 150 SWVs against a
/// ledger of its releases alone. Each benchmark builds and checks its data in setup, before it
/// is timed, so a broken build cannot look fast.
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

        // Count and growth as the commands compute them, on a ledger of both releases.
        Benchmark("count on a day (counting rules), \(rows) rows", configuration: configuration) { (benchmark: Benchmark, ledger: CountingLedger) in
            for _ in benchmark.scaledIterations {
                blackHole(try ledger.count().total)
            }
        } setup: {
            try CountingLedger(rows: rows, directory: scratch + "/count")
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        Benchmark("growth 1 October to 1 February, \(rows) rows", configuration: configuration) { (benchmark: Benchmark, ledger: CountingLedger) in
            for _ in benchmark.scaledIterations {
                blackHole(try ledger.growth().lines)
            }
        } setup: {
            try CountingLedger(rows: rows, directory: scratch + "/growth")
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        // Each run rebuilds the lifecycles and both releases' counting rows in one durable write.
        Benchmark("rebuild the projections, \(rows) rows (two releases, durable)", configuration: configuration) { (benchmark: Benchmark, ledger: CountingLedger) in
            for _ in benchmark.scaledIterations {
                try ledger.store.rebuildProjections()
            }
        } setup: {
            let ledger = try CountingLedger(rows: rows, directory: scratch + "/rebuild")
            let (count, growth) = (try ledger.count(), try ledger.growth())
            try ledger.store.rebuildProjections()
            let (rebuiltCount, rebuiltGrowth) = (try ledger.count(), try ledger.growth())
            precondition(
                rebuiltCount == count && rebuiltGrowth.lines == growth.lines && rebuiltGrowth.movements == growth.movements,
                "the rebuilt projections must answer as before")
            return ledger
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }

    // One SWV's count and growth in a ledger of every SWV (150 SWVs × 2 school years × 10
    // monthly releases of ~500 rows, 3,000 releases) against a ledger of its 20 releases alone.
    let country = NSTemporaryDirectory() + "kijkglas-bench-country"
    for (name, onlyFirst) in [("its own releases alone", true), ("150 SWVs, 3,000 releases", false)] {
        let directory = country + (onlyFirst ? "/one" : "/all")
        Benchmark("count of one SWV, ledger of \(name)") { (benchmark: Benchmark, ledger: CountryLedger) in
            for _ in benchmark.scaledIterations { blackHole(try ledger.count().total) }
        } setup: {
            try CountryLedger(swvs: 150, onlyFirst: onlyFirst, directory: directory + "-count")
        } teardown: {
            try? FileManager.default.removeItem(atPath: directory + "-count")
        }
        Benchmark("growth of one SWV, ledger of \(name)") { (benchmark: Benchmark, ledger: CountryLedger) in
            for _ in benchmark.scaledIterations { blackHole(try ledger.growth().lines) }
        } setup: {
            try CountryLedger(swvs: 150, onlyFirst: onlyFirst, directory: directory + "-growth")
        } teardown: {
            try? FileManager.default.removeItem(atPath: directory + "-growth")
        }
    }
}