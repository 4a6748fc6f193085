import Foundation
import Ingest
import Ledger
import SampleData

/// Benchmarks of the ledger's hot paths, reported as medians over repeated runs.
///
///     swift run -c release kijkglas-bench diff [ROWS] [RUNS]        in-memory diff of two releases
///     swift run -c release kijkglas-bench write-pair DIR [ROWS]     two Kijkglas 2 CSV files for peers
///     swift run -c release kijkglas-bench diff-files OLD NEW [RUNS]  read both files, then diff them
///
/// The pair differs in 5% of rows: opened, closed, changed, flagged and retracted rows.
let arguments = Array(CommandLine.arguments.dropFirst())

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

do {
    switch arguments.first {
    case "diff":
        let rows = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
        let runs = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5
        let pair = ReleasePair(rows: rows, seed: 7)
        var times: [Double] = []
        var events = 0
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let started = clock.now
            events = RegistrationDiff.changes(
                from: pair.old, to: pair.new, basePublished: pair.basePublished, published: pair.published
            ).count
            times.append(seconds(clock.now - started))
        }
        print("diff \(rows) rows, \(events) events: median \(String(format: "%.3f", median(times))) s over \(runs) runs")
    case "diff-files":
        guard arguments.count >= 3 else { throw BenchmarkUsage() }
        let runs = arguments.dropFirst(3).first.flatMap { Int($0) } ?? 5
        let reader = try ReleaseFileReader.builtIn()
        var readTimes: [Double] = []
        var diffTimes: [Double] = []
        var events = 0
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let started = clock.now
            let old = try reader.read(file: arguments[1])
            let new = try reader.read(file: arguments[2])
            let read = clock.now
            events = RegistrationDiff.changes(
                from: old.rows, to: new.rows, basePublished: old.publishedOn, published: new.publishedOn
            ).count
            readTimes.append(seconds(read - started))
            diffTimes.append(seconds(clock.now - read))
        }
        print(
            "read+diff \(events) events: read median \(String(format: "%.3f", median(readTimes))) s, "
                + "diff median \(String(format: "%.3f", median(diffTimes))) s, "
                + "total median \(String(format: "%.3f", median(zip(readTimes, diffTimes).map(+)))) s over \(runs) runs")
    case "write-pair":
        guard let directory = arguments.dropFirst().first else { throw BenchmarkUsage() }
        let rows = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000
        let pair = ReleasePair(rows: rows, seed: 7)
        try pair.write(to: directory)
        print("wrote \(directory)/old.csv and \(directory)/new.csv: \(rows) rows each")
    default:
        throw BenchmarkUsage()
    }
} catch {
    FileHandle.standardError.write(Data("kijkglas-bench: \(error)\n".utf8))
    exit(64)
}

struct BenchmarkUsage: Error, CustomStringConvertible {
    var description: String { "usage: kijkglas-bench diff [ROWS] [RUNS] | diff-files OLD NEW [RUNS] | write-pair DIR [ROWS]" }
}
