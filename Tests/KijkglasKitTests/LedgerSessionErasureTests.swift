import Foundation
import KijkglasKit
import Ledger
import LedgerStorage
import Testing
import TestSupport

/// Forgetting pupils through the library, in-process on a real ledger of the demo's releases:
/// answers unchanged, refusals, compaction only with the ledger released, backups named,
/// retention by the rule in `Schemas/rules/retention.json`.
@Suite("LedgerSession erasure and retention", .serialized)
struct LedgerSessionErasureTests {
    /// Every day the demo's answers are asked for, and every day of knowledge: each release's
    /// publication and today.
    private func answers(_ session: LedgerSession) throws -> [String] {
        let days = ["2021-10-01", "2022-02-01", "2022-06-01"].compactMap { Day(iso: $0) }
        let knownAts: [Day?] = try session.releases().releases.map(\.publishedOn) + [nil]
        var answers: [String] = []
        for knownAt in knownAts {
            for day in days {
                answers.append(
                    (try? session.count(CountRequest(on: day, knownAt: knownAt, breakdown: .category)))
                        .map { $0.report(everyValidRow: false, everyPayer: false, showPGN: false).json } ?? "unanswered")
            }
            answers.append(
                (try? session.growth(GrowthRequest(peildatum: days[1], knownAt: knownAt)))
                    .map { $0.report(perPupil: false, showPGN: false).json } ?? "unanswered")
        }
        return answers
    }

    @Test("an erased pupil is named by number only, every count and growth stays the same, verify passes, and the log says why")
    func erasure() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try LedgerSession(directory: demo.path, access: .write)
        let before = try answers(session)
        #expect(before.contains { $0 != "unanswered" })
        let pupil = try #require(try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(2))).diff.events.first?.key.pgn)
        #expect(!pupil.isPupilNumber)

        let registered = kijkglasFailure { _ = try session.erase(EraseRequest(pupil: pupil, reason: "verzoek")) }
        #expect(registered?.kind == .usage)
        #expect(registered?.message.terms == [KijkglasError.Term.evenIfRegistered])
        #expect(kijkglasFailure { _ = try session.erase(EraseRequest(pupil: pupil, reason: "bsn 123456789", evenIfRegistered: true)) }?.kind == .usage)
        #expect(kijkglasFailure { _ = try session.erase(EraseRequest(pupil: pupil, reason: "  ", evenIfRegistered: true)) }?.kind == .usage)
        #expect(try !session.compactionDue())

        let answer = try session.erase(EraseRequest(pupil: pupil, reason: "verzoek ouders", evenIfRegistered: true))
        let number = try #require(answer.pupils.first)
        #expect(number.isPupilNumber)
        #expect(try session.compactionDue())
        #expect(try answers(session) == before)
        #expect(try session.verify().isValid)
        #expect(kijkglasFailure { _ = try session.erase(EraseRequest(pupil: pupil, reason: "again", evenIfRegistered: true)) }?.kind == .usage)
        #expect(kijkglasFailure { _ = try session.erase(EraseRequest(pupil: number, reason: "again", evenIfRegistered: true)) }?.kind == .badData)

        var ofPupil: [Event] = []
        try session.log(LogRequest(pupil: number)) { _, event in ofPupil.append(event) }
        #expect(ofPupil.contains { if case .pupilErased(number, _, "verzoek ouders") = $0 { true } else { false } })
        #expect(ofPupil.contains { if case .registration(let event) = $0 { event.key.pgn == number } else { false } })
        let named = try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(2))).diff.events.map(\.key.pgn)
        #expect(!named.contains(pupil))
        #expect(named.contains(number))
    }

    @Test("compaction waits until every session of the ledger is released, then clears the mark and keeps every answer")
    func compaction() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let before: [String]
        do {
            let session = try LedgerSession(directory: demo.path, access: .write)
            before = try answers(session)
            _ = try session.erase(EraseRequest(pupil: try #require(PGN(pupilNumber: 3)), reason: "verzoek", evenIfRegistered: true))
            let busy = kijkglasFailure { _ = try LedgerSession.compact(demo.path) }
            #expect(busy?.kind == .storage)
            #expect(busy?.message.terms == [KijkglasError.Term.compactLater])
            #expect(try session.compactionDue())
        }
        let compaction = try LedgerSession.compact(demo.path)
        #expect(compaction.bytesAfter < compaction.bytesBefore)
        let session = try demo.session()
        #expect(try !session.compactionDue())
        #expect(try session.verify().isValid)
        #expect(try answers(session) == before)
    }

    @Test("an erasure names the backups made before it, which still hold the pupil")
    func backups() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try LedgerSession(directory: demo.path, access: .write)
        let backup = demo.directory.appending("backup")
        #expect(try session.backup(to: backup).isValid)
        let pupil = try #require(PGN(pupilNumber: 4))
        let answer = try session.erase(EraseRequest(pupil: pupil, reason: "verzoek", evenIfRegistered: true))
        #expect(answer.backups.map(\.directory) == [URL(fileURLWithPath: backup).standardizedFileURL.path])
        #expect(try !session.sealedPupils().contains(pupil))
        #expect(try LedgerSession(directory: backup).sealedPupils().contains(pupil))
    }

    @Test("retention lists exactly the pupils whose every registration ended before the period, and applying it erases them and changes no answer")
    func retention() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let rule = try RuleFiles.retentionRule()
        let on = try #require(Day(iso: "2030-01-01"))
        let keptFrom = try #require(Day(year: 2030 - rule.years.value, month: 1, day: 1))
        // The oracle, from the rule's words (Schemas/rules/retention.json): per scope, a pupil's
        // rows are those of the latest release not withdrawn that holds it; a row ends on its
        // period's end, else its uitschrijving; a row that a later release no longer holds ended
        // by that release's publication; the demo holds one school year, so any other row has not
        // ended; a pupil is past when every row ended before the first day kept.
        let store = try LedgerStore(directory: demo.path, readOnly: true)
        let lifecycles = try store.lifecycles()
        let releases = try store.releases().filter { lifecycles[$0.id]?.withdrawn == nil }
        var ends: [PGN: [Day?]] = [:]
        for scope in Set(releases.map(\.scope)) {
            let versions = releases.filter { $0.scope == scope }.sorted { ($0.publishedOn, $0.id.value) < ($1.publishedOn, $1.id.value) }
            let rows = try versions.map { try store.rows(of: $0.id) }
            for pupil in Set(rows.flatMap { $0.map(\.pgn) }) {
                let last = try #require(rows.lastIndex { $0.contains { $0.pgn == pupil } })
                let dropped = last + 1 < versions.count ? versions[last + 1].publishedOn : nil
                for row in rows[last] where row.pgn == pupil {
                    let end = row.periodEnd ?? row.enrolledUntil
                    ends[pupil, default: []].append(dropped.map { min(end ?? $0, $0) } ?? end)
                }
            }
        }
        let expected = Set(ends.filter { _, rows in rows.allSatisfy { $0.map { $0 < keptFrom } ?? false } }.keys)
        #expect(!expected.isEmpty)
        #expect(expected.count < ends.count)

        let session = try LedgerSession(directory: demo.path, access: .write)
        let before = try answers(session)
        let dryRun = try session.retention(RetentionRequest(on: on))
        #expect(dryRun.endedBefore == keptFrom)
        #expect(Set(dryRun.pupils.map(\.number)) == expected)
        #expect(dryRun.erasure == nil)
        #expect(dryRun.pupils.allSatisfy { !$0.releases.isEmpty && !$0.pupil.isPupilNumber })
        #expect(Set(try session.sealedPupils()) == Set(ends.keys))

        let applied = try session.retention(RetentionRequest(on: on, apply: true))
        #expect(Set(applied.erasure?.pupils ?? []) == expected)
        #expect(Set(try session.sealedPupils()) == Set(ends.keys).subtracting(expected))
        #expect(try session.retention(RetentionRequest(on: on)).pupils.isEmpty)
        #expect(try answers(session) == before)
        #expect(try session.verify().isValid)
    }
}
