import Benchmark
import Foundation

/// The CPU time the process spends on one run of a benchmark's work, every thread's, to the
/// nanosecond (`CLOCK_PROCESS_CPUTIME_ID`). The suite's `cpuTotal` counts scheduler ticks (10 ms
/// here), too coarse for a count of a few milliseconds; and unlike wall time it does not stretch
/// while other processes hold the cores, so it can carry a regression threshold on a shared
/// machine where instructions cannot be counted.
enum ProcessCPUTime {
    /// The metric, in nanoseconds, smaller is better.
    static let metric = BenchmarkMetric.custom("CPU time (ns)", polarity: .prefersSmaller, useScalingFactor: true)

    /// Runs `work` once and records its CPU time as one sample of `metric`.
    static func measure<Result>(_ benchmark: Benchmark, _ work: () throws -> Result) rethrows -> Result {
        let start = now()
        let result = try work()
        benchmark.measurement(metric, now() - start)
        return result
    }

    /// The process's CPU time so far, in nanoseconds.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}
