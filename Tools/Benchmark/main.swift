import Foundation
import Ingest
import Ledger
import LedgerStorage
import SampleData
import Schemas

/// Benchmarks of the ledger's hot paths, reported as medians over repeated runs.
///
///     swift run -c release kijkglas-bench diff [ROWS] [RUNS]        in-memory diff of two releases
///     swift run -c release kijkglas-bench write-pair DIR [ROWS]     two Kijkglas 2 CSV files for peers
///     swift run -c release kijkglas-bench diff-files OLD NEW [RUNS]  read both files, then diff them
///     swift run -c release kijkglas-bench read FILE [RUNS]          read one file: wall and CPU time, MB/s
///     swift run -c release kijkglas-bench ledger DIR [RELEASES] [ROWS]  one scope, RELEASES monthly versions
///     swift run -c release kijkglas-bench open DIR                  a writable open (rebuilds stale projections)
///     swift run -c release kijkglas-bench country DIR [SWVS] [RELEASES_PER_YEAR] [ROWS]
///         DIR/all: two school years of monthly releases of SWVS real SWVs; DIR/one: the first SWV's alone
///     swift run -c release kijkglas-bench school-years DIR [ROWS] [SEED]  two school years of VO9901 (`SchoolYearsHistory`)
///     swift run -c release kijkglas-bench count-swv DIR [RUNS]      count and growth of the first SWV in DIR/one and DIR/all
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

/// Opens (creating) the ledger in `directory` and the key it seals pupils with: the key file
/// beside it (`<directory>.key`), made when missing, so `kijkglas` reads the ledger too.
func openLedger(_ directory: String) throws -> (store: LedgerStore, key: LedgerKey, ageThresholds: AgeThresholds) {
    let keyFile = directory + ".key"
    if !FileManager.default.fileExists(atPath: keyFile) { try LedgerKey.create(at: keyFile) }
    let rules = try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: SchemaFiles.fundingRulesFile))
    return (try LedgerStore(directory: directory), try LedgerKey(contentsOf: keyFile), AgeThresholds(rules: rules))
}

/// What `RegistrationDiff.changes` returns.
typealias DiffChanges = [(key: RegistrationKey, change: RegistrationChange, classification: Classification)]

/// "E events, R differing rows": a row both closed and changed is two events but one differing
/// row, the figure peer tools report.
func changeSummary(_ changes: DiffChanges) -> String {
    "\(changes.count) events, \(Set(changes.map(\.key)).count) differing rows"
}

/// CPU time used so far by every thread of the process, in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

do {
    switch arguments.first {
    case "diff":
        let rows = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
        let runs = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5
        let pair = ReleasePair(rows: rows, seed: 7)
        var times: [Double] = []
        var changes: DiffChanges = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let started = clock.now
            changes = RegistrationDiff.changes(
                from: pair.old, to: pair.new, basePublished: pair.basePublished, published: pair.published)
            times.append(seconds(clock.now - started))
        }
        print("diff \(rows) rows, \(changeSummary(changes)): median \(String(format: "%.3f", median(times))) s over \(runs) runs")
    case "diff-files":
        guard arguments.count >= 3 else { throw BenchmarkUsage() }
        let runs = arguments.dropFirst(3).first.flatMap { Int($0) } ?? 5
        let reader = try ReleaseFileReader.builtIn()
        var readTimes: [Double] = []
        var diffTimes: [Double] = []
        var changes: DiffChanges = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let started = clock.now
            let old = try reader.read(file: arguments[1])
            let new = try reader.read(file: arguments[2])
            let read = clock.now
            changes = RegistrationDiff.changes(
                from: old.rows, to: new.rows, basePublished: old.publishedOn, published: new.publishedOn)
            readTimes.append(seconds(read - started))
            diffTimes.append(seconds(clock.now - read))
        }
        print(
            "read+diff \(changeSummary(changes)): read median \(String(format: "%.3f", median(readTimes))) s, "
                + "diff median \(String(format: "%.3f", median(diffTimes))) s, "
                + "total median \(String(format: "%.3f", median(zip(readTimes, diffTimes).map(+)))) s over \(runs) runs")
    case "read":
        guard arguments.count >= 2 else { throw BenchmarkUsage() }
        let runs = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5
        let reader = try ReleaseFileReader.builtIn()
        let size = Double((try FileManager.default.attributesOfItem(atPath: arguments[1])[.size] as? NSNumber)?.intValue ?? 0)
        var wallTimes: [Double] = []
        var cpuTimes: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let started = clock.now
            let cpuStarted = processCPUSeconds()
            rows = try reader.read(file: arguments[1]).rows.count
            cpuTimes.append(processCPUSeconds() - cpuStarted)
            wallTimes.append(seconds(clock.now - started))
        }
        let wall = median(wallTimes)
        print(
            "read \(rows) rows, \(String(format: "%.1f", size / 1e6)) MB: wall median \(String(format: "%.3f", wall)) s "
                + "(\(String(format: "%.0f", size / 1e6 / wall)) MB/s), CPU median \(String(format: "%.3f", median(cpuTimes))) s "
                + "over \(runs) runs")
    case "ledger":
        guard arguments.count >= 2 else { throw BenchmarkUsage() }
        let releases = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 120
        let rows = arguments.dropFirst(3).first.flatMap { Int($0) } ?? 100_000
        let (store, key, ageThresholds) = try openLedger(arguments[1])
        var generator = RegistrationGenerator(seed: 11)
        var current = generator.rows(count: rows).map(\.withSchoolYearTLV)
        let clock = ContinuousClock()
        let started = clock.now
        for index in 0..<releases {
            let published = Day.literal(2021, 9, 15).adding(days: 30 * index)
            var sha = [UInt8](repeating: 0, count: 32)
            withUnsafeBytes(of: UInt32(index).bigEndian) { sha.replaceSubrange(0..<4, with: $0) }
            _ = try store.record(
                IncomingRelease(
                    scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
                    publishedOn: published, fileName: "r\(index).csv", fileSHA256: sha, rows: current),
                key: key, ageThresholds: ageThresholds)
            current = generator.evolve(current)
            var seen = Set(current.map(\.key))
            current += generator.rows(count: rows - current.count).filter { seen.insert($0.key).inserted }.map(\.withSchoolYearTLV)
        }
        print("recorded \(releases) releases of ~\(rows) rows in \(String(format: "%.1f", seconds(clock.now - started))) s")
    case "country":
        guard let directory = arguments.dropFirst().first else { throw BenchmarkUsage() }
        let swvs = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 150
        let perYear = arguments.dropFirst(3).first.flatMap { Int($0) } ?? 10
        let rows = arguments.dropFirst(4).first.flatMap { Int($0) } ?? 500
        let series = CountrySeries(swvs: swvs, years: 2, releasesPerYear: perYear, rows: rows)
        let first = CountrySeries.swvCodes[0]
        let all = try openLedger(directory + "/all")
        let one = try openLedger(directory + "/one")
        let clock = ContinuousClock()
        let started = clock.now
        for release in series.releases {
            _ = try all.store.record(release, key: all.key, ageThresholds: all.ageThresholds)
            if release.scope.swv == first { _ = try one.store.record(release, key: one.key, ageThresholds: one.ageThresholds) }
        }
        print("recorded \(series.releases.count) releases of \(swvs) SWVs (~\(rows) rows) in \(String(format: "%.1f", seconds(clock.now - started))) s; \(first)'s alone in \(directory)/one")
    case "school-years":
        guard let directory = arguments.dropFirst().first else { throw BenchmarkUsage() }
        let rows = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000
        let seed = arguments.dropFirst(3).first.flatMap { UInt64($0) } ?? 1
        let history = SchoolYearsHistory(seed: seed, swv: "VO9901", rowsPerYear: rows, withdrawFirstOfLastYear: true)
        let (store, key, ageThresholds) = try openLedger(directory)
        for (index, release) in history.releases.enumerated() {
            var sha = [UInt8](repeating: 0, count: 32)
            withUnsafeBytes(of: UInt32(index).bigEndian) { sha.replaceSubrange(0..<4, with: $0) }
            _ = try store.record(IncomingRelease(
                scope: release.scope, publishedOn: release.published, fileName: release.fileName, fileSHA256: sha, rows: release.rows),
                key: key, ageThresholds: ageThresholds)
        }
        for release in history.releases {
            guard let withdrawn = release.withdrawn, let recorded = try store.releases().first(where: { $0.fileName == release.fileName })
            else { continue }
            try store.withdraw(recorded.id, on: withdrawn, reason: "ingetrokken")
        }
        print("recorded \(history.releases.count) releases of VO9901 over \(history.schoolYears.map(\.description).joined(separator: ", ")): \(history.yearEndLeavers.count) year-end leavers")
    case "count-swv":
        guard let directory = arguments.dropFirst().first else { throw BenchmarkUsage() }
        let runs = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 9
        let swv = CountrySeries.swvCodes[0]
        let rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: SchemaFiles.countingRulesFile))
        let (reference, peildatum) = (Day.literal(2022, 10, 1), Day.literal(2023, 2, 1))
        var answers: [String: [Int]] = [:]
        for name in ["one", "all"] {
            var countTimes: [Double] = []
            var growthTimes: [Double] = []
            for _ in 0..<runs {
                let clock = ContinuousClock()
                var started = clock.now
                // As `kijkglas count --swv` does: open, the SWV's releases, the state of the day's school year, count.
                var store = try LedgerStore(directory: directory + "/" + name, readOnly: true)
                _ = try LoadedReleases(store: store, swv: swv)
                var state = try store.knownState(swv: swv, covering: [peildatum])
                let count = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv)?.count ?? -1
                countTimes.append(seconds(clock.now - started))
                started = clock.now
                store = try LedgerStore(directory: directory + "/" + name, readOnly: true)
                _ = try LoadedReleases(store: store, swv: swv)
                state = try store.knownState(swv: swv, covering: [reference, peildatum])
                guard let before = state.counted(on: reference, selection: .rules(rules), payingSwv: swv),
                    let after = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv)
                else { throw BenchmarkUsage() }
                let growth = Growth(from: before, to: after)
                growthTimes.append(seconds(clock.now - started))
                answers[name] = [count, growth.total.growth]
            }
            print("\(name): count of \(swv) on \(peildatum.iso) \(answers[name]?.first ?? -1) pupils, median \(String(format: "%.4f", median(countTimes))) s; growth \(answers[name]?.last ?? 0), median \(String(format: "%.4f", median(growthTimes))) s over \(runs) runs")
        }
        guard answers["one"] == answers["all"] else {
            throw BenchmarkFailure(description: "the answers differ: \(answers)")
        }
    case "open":
        guard let directory = arguments.dropFirst().first else { throw BenchmarkUsage() }
        let clock = ContinuousClock()
        let started = clock.now
        _ = try LedgerStore(directory: directory)
        print("opened \(directory) writable (rebuilding stale projections) in \(String(format: "%.1f", seconds(clock.now - started))) s")
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

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}

struct BenchmarkUsage: Error, CustomStringConvertible {
    var description: String {
        "usage: kijkglas-bench diff [ROWS] [RUNS] | diff-files OLD NEW [RUNS] | read FILE [RUNS] | write-pair DIR [ROWS] | ledger DIR [RELEASES] [ROWS] | open DIR | country DIR [SWVS] [RELEASES_PER_YEAR] [ROWS] | school-years DIR [ROWS] [SEED] | count-swv DIR [RUNS]"
    }
}
