import Benchmark
import Foundation
import Ingest
import Ledger
import LedgerStorage
import SampleData

/// Read, diff, durable ingest, count, growth and rebuilding the projections at 10,000, 100,000
/// and 1,000,000 rows a release; count and growth of one SWV in a ledger of 150 SWVs against a
/// ledger of its releases alone. Each benchmark builds and checks its data in setup, before it
/// is timed, so a broken build cannot look fast. Read, diff, ingest, count and growth at 100,000
/// rows are the regression gate: `Tools/check-benchmarks` checks them against `Thresholds/`.
/// Names hold no spaces: benchmark 1.38.1 writes a threshold file's name with underscores for
/// spaces but looks it up with the spaces.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
    Benchmark.defaultConfiguration = .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 20)
    // The gate's configuration: it also measures CPU time, and `Tools/check-benchmarks` checks
    // CPU time and mallocs alone, each p90 within a tolerance of `Thresholds/`: mallocs 2%, CPU
    // time `cpu` percent (on the shared 2-core machine, at loads of 3 to 8, a p90 of CPU time
    // moved by up to 1.5× between runs, reading's by 1.7×; mallocs by 2 in 112,400).
    func gate(cpu: Double) -> Benchmark.Configuration {
        .init(
            metrics: metrics + [ProcessCPUTime.metric], maxDuration: .seconds(10), maxIterations: 20,
            thresholds: [ProcessCPUTime.metric: .init(relative: [.p90: cpu]), .mallocCountTotal: .init(relative: [.p90: 2])])
    }

    for rows in [10_000, 100_000, 1_000_000] {
        let configuration: Benchmark.Configuration =
            rows < 1_000_000
            ? Benchmark.defaultConfiguration
            : .init(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(120), maxIterations: 3)
        func gated(cpu: Double) -> Benchmark.Configuration { rows == 100_000 ? gate(cpu: cpu) : configuration }
        let scratch = NSTemporaryDirectory() + "kijkglas-bench-\(rows)"

        // One Kijkglas 2 CSV file read and validated into an `IncomingRelease`.
        Benchmark("read-\(rows)-rows", configuration: gated(cpu: 75)) { (benchmark: Benchmark, file: String) in
            let reader = try ReleaseFileReader.builtIn()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try ProcessCPUTime.measure(benchmark) { try reader.read(file: file) })
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

        // The keyed diff of the pair's rows in memory, 5% of them changed.
        Benchmark("diff-\(rows)-rows", configuration: gated(cpu: 50)) { (benchmark: Benchmark, pair: ReleasePair) in
            for _ in benchmark.scaledIterations {
                blackHole(ProcessCPUTime.measure(benchmark) { pair.diff() })
            }
        } setup: {
            ReleasePair.checked(rows: rows)
        }

        // A durable ingest, diffed against the previous release: each run copies a ledger that
        // holds the old release, then records the new one.
        Benchmark("ingest-\(rows)-rows", configuration: gated(cpu: 50)) { (benchmark: Benchmark, pair: ReleasePair) in
            for _ in benchmark.scaledIterations {
                let directory = scratch + "/\(UUID().uuidString)"
                defer { try? FileManager.default.removeItem(atPath: directory) }
                try FileManager.default.copyItem(atPath: scratch + "/template", toPath: directory)
                let store = try LedgerStore(directory: directory)
                benchmark.startMeasurement()
                blackHole(try ProcessCPUTime.measure(benchmark) { try store.record(pair.release(1)) })
                benchmark.stopMeasurement()
            }
        } setup: {
            let pair = ReleasePair.checked(rows: rows)
            _ = try LedgerStore(directory: scratch + "/template").record(pair.release(0))
            return pair
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        // Count (on 1 February, by the counting rules) and growth (1 October to 1 February) as the
        // commands compute them, on a ledger of both releases.
        Benchmark("count-\(rows)-rows", configuration: gated(cpu: 50)) { (benchmark: Benchmark, ledger: CountingLedger) in
            for _ in benchmark.scaledIterations {
                blackHole(try ProcessCPUTime.measure(benchmark) { try ledger.count().total })
            }
        } setup: {
            try CountingLedger(rows: rows, directory: scratch + "/count")
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        Benchmark("growth-\(rows)-rows", configuration: gated(cpu: 50)) { (benchmark: Benchmark, ledger: CountingLedger) in
            for _ in benchmark.scaledIterations {
                blackHole(try ProcessCPUTime.measure(benchmark) { try ledger.growth().lines })
            }
        } setup: {
            try CountingLedger(rows: rows, directory: scratch + "/growth")
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }

        // Each run rebuilds the lifecycles and both releases' counting rows in one durable write.
        Benchmark("rebuild-\(rows)-rows", configuration: configuration) { (benchmark: Benchmark, ledger: CountingLedger) in
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
    for (name, onlyFirst) in [("own-releases", true), ("150-swvs", false)] {
        let directory = country + (onlyFirst ? "/one" : "/all")
        Benchmark("count-one-swv-\(name)") { (benchmark: Benchmark, ledger: CountryLedger) in
            for _ in benchmark.scaledIterations { blackHole(try ledger.count().total) }
        } setup: {
            try CountryLedger(swvs: 150, onlyFirst: onlyFirst, directory: directory + "-count")
        } teardown: {
            try? FileManager.default.removeItem(atPath: directory + "-count")
        }
        Benchmark("growth-one-swv-\(name)") { (benchmark: Benchmark, ledger: CountryLedger) in
            for _ in benchmark.scaledIterations { blackHole(try ledger.growth().lines) }
        } setup: {
            try CountryLedger(swvs: 150, onlyFirst: onlyFirst, directory: directory + "-growth")
        } teardown: {
            try? FileManager.default.removeItem(atPath: directory + "-growth")
        }
    }
}