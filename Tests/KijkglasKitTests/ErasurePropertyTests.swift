import Foundation
import KijkglasKit
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

/// Erasure forgets who a pupil was, never what the ledger answers: one generated history (two
/// school years, releases loaded late, one withdrawn) recorded twice, once as it is and once with
/// random pupils erased at random points between its loads and after the last, must give the same
/// answer to every projection question on every day and day of knowledge, and verify. A pupil
/// erased before a release that lists it again is a new pupil number from then on.
@Suite("Erasing pupils changes no answer", .serialized)
struct ErasurePropertyTests {
    /// Every answer of `session` to the questions asked, as the JSON the API returns or the
    /// failure's message.
    private static func answers(_ session: LedgerSession, days: [Day], knownAt: [Day?]) -> [String] {
        func answer(_ body: () throws -> String) -> String {
            do { return try body() } catch { return "failed: \(error)" }
        }
        let peildata = [Day.literal(2021, 2, 1), Day.literal(2022, 2, 1)]
        var lines: [String] = []
        for known in knownAt {
            for day in days {
                lines.append(answer {
                    try session.count(CountRequest(on: day, knownAt: known, breakdown: .category))
                        .report(everyValidRow: false, everyPayer: false, showPGN: false).json
                })
            }
            for peildatum in peildata {
                lines.append(answer { try session.growth(GrowthRequest(peildatum: peildatum, knownAt: known)).report(perPupil: false, showPGN: false).json })
            }
            for year in [2020, 2021] {
                lines.append(answer { try session.funding(FundingRequest(year: .schoolYear(year), knownAt: known)).report.json })
            }
            lines.append(answer {
                try session.trend(TrendRequest(from: .literal(2020, 8, 1), to: .literal(2022, 7, 31), breakdown: .category, knownAt: known)).report.json
            })
        }
        lines.append(answer { try session.revisions(RevisionsRequest(metric: .count(on: days))).report.json })
        lines.append(answer { try session.revisions(RevisionsRequest(metric: .growth(peildata: peildata))).report.json })
        return lines
    }

    @Test("every count, growth, funding, trend and revision on every day × day of knowledge equals the ledger's without the erasures, and the ledger verifies", arguments: [1, 2, 3] as [UInt64])
    func erasureChangesNoAnswer(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let key = try TestKey.ledgerKey()
        let plain: TemporaryDirectory
        let days: [Day]
        let knownAt: [Day?]
        do {
            let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1, order: round)
            plain = ledger.directory
            var random = SplitMix64(seed: seed)
            days = ledger.days(&random, randomPerYear: 2)
            knownAt = ledger.knownAtDays
        }
        defer { plain.remove() }

        var random = SplitMix64(seed: seed ^ 0xE4A5E)
        let points = Set((0..<2).map { _ in Int.random(in: 1...8, using: &random) })
        var erased = 0
        let erasing: TemporaryDirectory
        do {
            let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1, order: round) { store, loaded in
                guard points.contains(loaded) else { return }
                let chosen = try store.sealedPupils().filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
                try store.erase(chosen, on: .literal(2023, 1, 1), reason: "verzoek van de ouders", key: key)
                erased += chosen.count
            }
            erasing = ledger.directory
            let last = try ledger.store.sealedPupils().filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
            try ledger.store.erase(last, on: .literal(2023, 6, 1), reason: "bewaartermijn verstreken", key: key)
            erased += last.count
            #expect(try ledger.store.identities(of: last, key: key).isEmpty, "seed \(seed): erased pupils name no one")
        }
        defer { erasing.remove() }
        #expect(erased > 5, "seed \(seed): \(erased) erased")
        _ = try LedgerStore.compact(erasing.path)

        let expected = Self.answers(try LedgerSession(directory: plain.path), days: days, knownAt: knownAt)
        let session = try LedgerSession(directory: erasing.path)
        let actual = Self.answers(session, days: days, knownAt: knownAt)
        #expect(expected.filter { !$0.hasPrefix("failed: ") }.count > expected.count / 2, "seed \(seed): most questions are answered")
        #expect(actual.count == expected.count)
        let difference = zip(actual, expected).first { $0 != $1 }
        #expect(difference == nil, "seed \(seed): \(difference.map { "\($0.0.prefix(300)) ≠ \($0.1.prefix(300))" } ?? "")")
        #expect(try session.verify().isValid, "seed \(seed)")
        var events = 0
        try session.log(LogRequest(kind: .pupilErased)) { _, _ in events += 1 }
        #expect(events == erased, "seed \(seed): one PupilErased a pupil")
    }
}
