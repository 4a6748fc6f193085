import ArgumentParser
import Foundation
import Ingest
import Ledger
import Reports

/// `kijkglas demo`: build a ledger from the bundled sample releases and tour it.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a ledger from seven bundled Kijkglas 2 releases of a fictional SWV and tour it.",
        discussion: """
            The releases cover school year 2021-2022 of the fictional SWV VO9901 at real (v)so
            schools; the pupils are generated (their numbers fail the BSN eleven-test). The
            release of 29 April 2022 corrects the past. Without --ledger the ledger is built in
            a temporary directory and removed afterwards.

            Example: kijkglas demo --ledger ./demo-ledger
            """
    )

    @Option(help: "Keep the demo ledger in this directory instead of a temporary one.")
    var ledger: String?

    func run() throws {
        try reportingFailures {
            let started = ContinuousClock.now
            let directory = ledger ?? NSTemporaryDirectory() + "kijkglas-demo-\(UUID().uuidString)"
            defer { if ledger == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let files = try demoFiles()
            let reader = try ReleaseFileReader.builtIn()
            let store = try LedgerStore(directory: directory)

            print("# kijkglas demo — ledger in \(directory)\n")
            print("## 1. Ingest: each release is diffed against the previous one of its scope\n")
            for file in files {
                let incoming = try reader.read(file: file.path)
                print("  " + IngestText.outcome(try store.record(incoming), file: incoming.fileName))
            }

            let releases = try store.releases()
            let lifecycles = try store.lifecycles()
            print("\n## 2. Releases\n")
            print(indent(ReleaseListing.table(releases, lifecycles: lifecycles)))

            print("\n## 3. Events of each release (first 4 shown)\n")
            var eventsByRelease: [ReleaseID: [Event]] = [:]
            try store.forEachEvent { _, event in
                if case .registration = event { eventsByRelease[event.release, default: []].append(event) }
                return true
            }
            for release in releases {
                let events = eventsByRelease[release.id] ?? []
                print("  \(release.id) published \(release.publishedOn.dutch): \(ReleaseListing.kindSummary(lifecycles[release.id]?.tally ?? EventTally()))")
                for event in events.prefix(4) { print("      " + EventText.describe(event)) }
                if events.count > 4 { print("      … \(events.count - 4) more: kijkglas log --release \(release.id)") }
            }

            print("\n## 4. Counts (distinct pupils with a registration valid that day, latest releases)\n")
            let rows = try store.answeringReleases().flatMap { try store.rows(of: $0.id) }
            for day in countingDays(of: releases) {
                print(indent(CountText.render(PupilCount(rows: rows, on: day, by: .category))) + "\n")
            }

            print("## 5. The correction it found\n")
            let corrections = { (release: Release) in lifecycles[release.id]?.tally.corrections ?? 0 }
            if let corrected = releases.max(by: { (corrections($0), $1.id) < (corrections($1), $0.id) }),
                corrections(corrected) > 0
            {
                let count = corrections(corrected)
                let base = corrected.base.map { " of \($0)" } ?? ""
                let tally = lifecycles[corrected.id]?.tally ?? EventTally()
                print("  \(corrected.id) (published \(corrected.publishedOn.dutch)) rewrites the past\(base) in \(count) of its \(tally.total) events (\(ReleaseListing.correctionsByKind(tally))):")
                for event in eventsByRelease[corrected.id] ?? [] {
                    if case .registration(let registration) = event, registration.classification == .correction {
                        print("      " + EventText.describe(event))
                    }
                }
            } else {
                print("  no release corrects the past")
            }

            let report = try store.verify()
            print("\n## 6. Verify\n")
            print("  \(report.isValid ? "ok" : "FAILED"): \(report.recordsChecked) log records (CRC32C + SHA-256 chain), \(report.releasesChecked) releases folded, \(report.rowsChecked) rows checked")
            let elapsed = ContinuousClock.now - started
            print("\nDone in \(elapsed.formatted(.units(allowed: [.milliseconds]))). Next: kijkglas --help")
            if !report.isValid { throw ExitCode.checkFailed }
        }
    }

    /// The bundled sample files, by name (their names sort by publication date).
    private func demoFiles() throws -> [URL] {
        guard let folder = Bundle.module.url(forResource: "Demo", withExtension: nil) else {
            throw CommandFailure(exitCode: .storageError, message: "the demo data is missing from this build")
        }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "csv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// 1 October and 1 February of the school years the releases cover.
    private func countingDays(of releases: [Release]) -> [Day] {
        let firstYears = Set(releases.compactMap { Int($0.scope.period.prefix(4)) }).sorted()
        return firstYears.flatMap { year in
            [Day(year: year, month: 10, day: 1), Day(year: year + 1, month: 2, day: 1)].compactMap { $0 }
        }
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
