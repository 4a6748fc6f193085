import ArgumentParser
import Foundation
import KijkglasKit
import Ledger
import Reports

/// `kijkglas demo`: build a ledger from the bundled sample releases and tour it.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a ledger from bundled Kijkglas 2 and Kijkglas 3 releases of a fictional SWV and tour it.",
        discussion: """
            Seven Kijkglas 2 releases cover school year 2021-2022 of the fictional SWV VO9901 at \
            real (v)so schools; the pupils are generated (their numbers fail the BSN \
            eleven-test). The release of 29 April 2022 corrects the past. Three versions of the \
            Kijkglas 3 for 1 February 2022 follow the real story: published wrong in April 2022 \
            and withdrawn, republished still wrong in September, made definitive in April 2023. \
            The ledger's key file ($KIJKGLAS_KEY, else <ledger directory>.key beside it) is made \
            (owner-only) unless it is there. Without --ledger the ledger and its key are made in a temporary \
            directory and removed afterwards.

            Example: kijkglas demo --ledger ./demo-ledger
            """
    )

    @Option(help: "Keep the demo ledger in this directory instead of a temporary one.")
    var ledger: String?

    func run() throws {
        try reportingFailures {
            let started = ContinuousClock.now
            let directory = ledger ?? NSTemporaryDirectory() + "kijkglas-demo-\(UUID().uuidString)"
            let keyFile = KeyFile(nil, ledger: directory)
            let makesKey = !keyFile.exists
            defer {
                if ledger == nil {
                    try? FileManager.default.removeItem(atPath: directory)
                    if makesKey { try? FileManager.default.removeItem(atPath: keyFile.path) }
                }
            }
            if makesKey { try keyFile.create() }
            print("# kijkglas demo — ledger in \(directory), its key in \(keyFile.path)\n")
            try tour(try LedgerSession(directory: directory, access: .create, keyFile: keyFile))
            let elapsed = ContinuousClock.now - started
            print("\nDone in \(elapsed.formatted(.units(allowed: [.milliseconds]))). Next: kijkglas --help")
        }
    }

    /// Every section, asked of one session of the demo's ledger (closed when it returns).
    private func tour(_ session: LedgerSession) throws {
        let releases = try tourReleases(session)
        try tourProjections(releases, session: session)
        try tourGrowthFigures(releases, session: session)
        print("\n## 9. Verify\n")
        try VerifyText.finish(try session.verify(), success: "ok")
    }

    /// Ingests the bundled releases and prints sections 1–4: ingest, releases, events, the
    /// correction found.
    private func tourReleases(_ session: LedgerSession) throws -> [Release] {
        print("## 1. Ingest: each release is diffed against the previous one of its scope\n")
        try session.ingest(try IngestBatch(.demo(), reading: FileReading())) { outcome, incoming in
            print("  " + IngestText.outcome(outcome, of: incoming))
        }

        let listing = try session.releases()
        let releases = listing.releases
        let lifecycles = listing.lifecycles
        print("\n## 2. Releases\n")
        print(indent(ReleaseListing.table(releases, lifecycles: lifecycles)))

        print("\n## 3. Events of each release (first 4 shown)\n")
        var eventsByRelease: [ReleaseID: [RegistrationEvent]] = [:]
        try session.log(LogRequest()) { _, event in
            if case .registration(let registration) = event { eventsByRelease[registration.release, default: []].append(registration) }
        }
        for release in releases {
            guard release.content == .periods else {
                print("  \(release.id) published \(release.publishedOn.dutch): \(release.scope.product), DUO's stated figures (section 8)")
                continue
            }
            let events = eventsByRelease[release.id] ?? []
            let tally = lifecycles[release.id]?.tally ?? EventTally()
            print("  \(release.id) published \(release.publishedOn.dutch): \(ReleaseListing.kindSummary(tally))")
            for event in events.prefix(4) { print("      " + EventText.describe(.registration(event))) }
            if events.count > 4 { print("      … \(events.count - 4) more: kijkglas log --release \(release.id)") }
        }

        print("\n## 4. The correction it found\n")
        let corrections = { (release: Release) in lifecycles[release.id]?.tally.corrections ?? 0 }
        guard let corrected = releases.max(by: { (corrections($0), $1.id) < (corrections($1), $0.id) }),
            corrections(corrected) > 0, let tally = lifecycles[corrected.id]?.tally
        else {
            print("  no release corrects the past\n")
            return releases
        }
        let base = corrected.base.map { " of \($0)" } ?? ""
        print(
            "  \(corrected.id) (published \(corrected.publishedOn.dutch)) rewrites the past\(base) in \(tally.corrections) "
                + "of its \(tally.total) events (\(ReleaseListing.correctionsByKind(tally))):")
        for event in eventsByRelease[corrected.id] ?? [] where event.classification == .correction {
            print("      " + EventText.describe(.registration(event)))
        }
        print("")
        return releases
    }

    /// Sections 5–7: counts, growth and revisions.
    private func tourProjections(_ releases: [Release], session: LedgerSession) throws {
        let days = countingDays(of: releases)
        print("## 5. Counts on 1 October and 1 February: pupils counted by the funding rules, by category\n")
        for day in days {
            let answer = try session.count(CountRequest(on: day, breakdown: .category))
            print(answer.report(everyValidRow: false, everyPayer: false, showPGN: false).text)
            print("")
        }
        if let last = days.last, let nextYear = Day(year: last.components.year, month: 9, day: 1) {
            print(
                "A day of the next school year, before DUO's first file of it, is answered from the last file of this one, "
                    + "saying so: the registrations still open (their TLVs end on 31 July, so the counting rules count none)\n")
            let answer = try session.count(CountRequest(on: nextYear, everyValidRow: true))
            print(answer.report(everyValidRow: true, everyPayer: false, showPGN: false).text)
            print("")
        }
        if let peildatum = days.last {
            print("## 6. Growth from 1 October to \(peildatum.dutch), and who makes it up\n")
            let growth = try session.growth(GrowthRequest(peildatum: peildatum))
            print(growth.report(perPupil: true, showPGN: false).text)
            print("\n## 7. Revisions: the count on \(peildatum.dutch) as known at each release\n")
            let revisions = try session.revisions(RevisionsRequest(metric: .count(on: [peildatum])))
            print(revisions.report.text)
        }
    }

    /// Section 8: DUO's Kijkglas 3 versions — the first withdrawn — each reconciled with the
    /// ledger's own growth as known when it was published.
    private func tourGrowthFigures(_ releases: [Release], session: LedgerSession) throws {
        let versions = releases.filter { $0.content == .figures }
        guard let first = versions.first, let withdrawal = Day(year: 2022, month: 5, day: 20) else { return }
        print("\n## 8. DUO's \(first.scope.product) for \(first.scope.period): withdrawn, republished, made definitive\n")
        try session.withdraw(WithdrawRequest(release: first.id, on: withdrawal, reason: "fouten in de koppeling van TLV's"))
        print("\(first.id) withdrawn on \(withdrawal.iso)")
        for version in versions {
            print("\n### \(version.id), published \(version.publishedOn.dutch)\n")
            print(try session.reconcile(ReconcileRequest(release: version.id)).report(showPGN: false).text)
        }
    }

    /// 1 October and 1 February of the school years the releases cover.
    private func countingDays(of releases: [Release]) -> [Day] {
        let firstYears = Set(releases.filter { $0.content == .periods }.compactMap { Int($0.scope.period.prefix(4)) }).sorted()
        return firstYears.flatMap { year in
            [Day(year: year, month: 10, day: 1), Day(year: year + 1, month: 2, day: 1)].compactMap { $0 }
        }
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
