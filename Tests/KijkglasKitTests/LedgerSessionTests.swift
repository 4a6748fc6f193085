import Foundation
import KijkglasKit
import Ledger
import Testing
import TestSupport

/// The library answers each question in-process from a real ledger of the demo's releases, and
/// refuses with the failure's kind and a message in words.
@Suite("LedgerSession", .serialized)
struct LedgerSessionTests {
    static let october = Day(year: 2021, month: 10, day: 1)
    static let february = Day(year: 2022, month: 2, day: 1)

    private func withDemo(_ body: (LedgerSession) throws -> Void) throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        try body(try demo.session())
    }

    @Test("a count of the ledger's SWV says which releases answered")
    func countsOneSWV() throws {
        let on = try #require(Self.october)
        try withDemo { session in
            guard case .oneSWV(let count, let context) = try session.count(CountRequest(on: on, breakdown: .category)) else {
                Issue.record("expected one SWV's count")
                return
            }
            #expect(count.total > 0)
            #expect(count.groups.map(\.count).reduce(0, +) == count.total)
            #expect(context.swv == "VO9901")
            #expect(context.selection == "rules")
        }
    }

    @Test("every SWV counts side by side; every valid row counts at least the rules' pupils")
    func countsEverySWVAndEveryRow() throws {
        let on = try #require(Self.october)
        try withDemo { session in
            guard case .everySWV(let every) = try session.count(CountRequest(on: on, swv: .every)) else {
                Issue.record("expected every SWV's count")
                return
            }
            #expect(every.answers.map(\.state.swv) == ["VO9901"])
            guard case .oneSWV(let rules, _) = try session.count(CountRequest(on: on)),
                case .oneSWV(let all, let context) = try session.count(CountRequest(on: on, everyValidRow: true))
            else {
                Issue.record("expected one SWV's counts")
                return
            }
            #expect(all.total >= rules.total)
            #expect(context.selection == "all")
        }
    }

    @Test("refusals of a count carry their kind, what is loaded, and name the question in words")
    func countRefusals() throws {
        let on = try #require(Self.october)
        let nextYear = try #require(Day(year: 2022, month: 9, day: 1))
        let early = try #require(Day(year: 2020, month: 1, day: 1))
        try withDemo { session in
            let unknown = kijkglasFailure { _ = try session.count(CountRequest(on: on, swv: .code("VO1111"))) }
            #expect(unknown?.kind == .usage)
            #expect(unknown?.message.terms == [.swv])
            #expect(unknown?.description.hasPrefix("the SWV VO1111 has no releases") == true)

            let before = kijkglasFailure { _ = try session.count(CountRequest(on: on, knownAt: early)) }
            #expect(before?.kind == .usage)
            #expect(before?.loaded?.contains("kijkglas-2 VO9901 2021-2022") == true)
            #expect(before?.description.contains("the day of knowledge 2020-01-01 is before") == true)

            let uncovered = kijkglasFailure { _ = try session.count(CountRequest(on: early)) }
            #expect(uncovered?.kind == .usage)

            let fallback = kijkglasFailure {
                _ = try session.count(CountRequest(on: nextYear, everyValidRow: true, ownSchoolYearOnly: true))
            }
            #expect(fallback?.kind == .checkFailed)
            #expect(fallback?.text(naming: { _ in "FLAG" }).hasPrefix("refused with FLAG:\nNote:") == true)
        }
    }

    @Test("a ledger without releases is bad data; a directory without a ledger is storage")
    func emptyAndMissingLedgers() throws {
        let on = try #require(Self.october)
        let empty = try DemoLedger(including: { _ in false })
        defer { empty.directory.remove() }
        let session = try empty.session()
        #expect(kijkglasFailure { _ = try session.count(CountRequest(on: on)) }?.kind == .badData)
        #expect(kijkglasFailure { _ = try LedgerSession(directory: empty.directory.appending("nothing")) }?.kind == .storage)
    }

    @Test("growth to a peildatum; a day that is no peildatum is refused naming the peildatum")
    func growth() throws {
        let peildatum = try #require(Self.february)
        let notPeildatum = try #require(Day(year: 2022, month: 2, day: 2))
        try withDemo { session in
            let answer = try session.growth(GrowthRequest(peildatum: peildatum))
            #expect(answer.context.swv == "VO9901")
            let refusal = kijkglasFailure { _ = try session.growth(GrowthRequest(peildatum: notPeildatum)) }
            #expect(refusal?.kind == .usage)
            #expect(refusal?.message.terms == [.peildatum])
            let every = kijkglasFailure { _ = try session.growth(GrowthRequest(peildatum: peildatum, swv: .every)) }
            #expect(every?.message.terms == [.everySWV, .chooseSWV])
        }
    }

    @Test("funding of a year without a rate table is bad data naming the file to add")
    func fundingWithoutRates() throws {
        try withDemo { session in
            let year = try #require(FundingYear(text: "2022-2023"))
            let refusal = kijkglasFailure { _ = try session.funding(FundingRequest(year: year)) }
            #expect(refusal?.kind == .badData)
            #expect(refusal?.description.contains("Schemas/rates/2022-2023.json") == true)
        }
    }

    @Test("revisions of a count and a growth: one row per day of knowledge")
    func revisions() throws {
        let peildatum = try #require(Self.february)
        let notPeildatum = try #require(Day(year: 2022, month: 2, day: 2))
        try withDemo { session in
            let count = try session.revisions(RevisionsRequest(metric: .count(on: [peildatum])))
            #expect(!count.revisions.rows.isEmpty)
            #expect(count.metric == "count" && count.unit == "pupils" && count.swv == "VO9901")
            let growth = try session.revisions(RevisionsRequest(metric: .growth(peildata: [peildatum])))
            #expect(growth.revisions.days == [peildatum])
            let refusal = kijkglasFailure { _ = try session.revisions(RevisionsRequest(metric: .growth(peildata: [notPeildatum]))) }
            #expect(refusal?.kind == .usage)
            #expect(refusal?.message.terms == [.day])
            let year = try #require(FundingYear(text: "2021-2022"))
            #expect(kijkglasFailure { _ = try session.revisions(RevisionsRequest(metric: .funding(year))) }?.kind == .badData)
        }
    }

    @Test("a trend over the school year, with the revisions of its total when asked")
    func trend() throws {
        let from = try #require(Day(year: 2021, month: 8, day: 1))
        let to = try #require(Day(year: 2022, month: 7, day: 31))
        try withDemo { session in
            let plain = try session.trend(TrendRequest(from: from, to: to))
            #expect(plain.trend.points.count == 12)
            #expect(!plain.trend.coveredPoints.isEmpty)
            #expect(plain.revisions == nil)
            #expect(plain.releases.count == 10)
            let withRevisions = try session.trend(TrendRequest(from: from, to: to, revisionsOfTotal: true))
            #expect(withRevisions.revisions?.rows.isEmpty == false)

            let funding = kijkglasFailure { _ = try session.trend(TrendRequest(from: from, to: to, metric: .funding)) }
            #expect(funding?.kind == .usage)
            #expect(funding?.description.contains("funding 2021-2022 counts on 2020-10-01, 2021-02-01") == true)
            let earlyFrom = try #require(Day(year: 2019, month: 8, day: 1))
            let earlyTo = try #require(Day(year: 2019, month: 12, day: 31))
            let nothing = kijkglasFailure { _ = try session.trend(TrendRequest(from: earlyFrom, to: earlyTo)) }
            #expect(nothing?.kind == .usage)
            #expect(nothing?.description.hasPrefix("no data from 2019-08-01 to 2019-12-31") == true)
        }
    }

    @Test("reconcile takes figures; a release of registrations or an unknown one is refused")
    func reconcile() throws {
        try withDemo { session in
            let figures = try #require(ReleaseID(text: "R8"))
            let answer = try session.reconcile(ReconcileRequest(release: figures))
            #expect(answer.release.id == figures)
            guard case .figures = answer.outcome else {
                Issue.record("expected figures")
                return
            }
            let periods = kijkglasFailure { _ = try session.reconcile(ReconcileRequest(release: try #require(ReleaseID(text: "R1")))) }
            #expect(periods?.kind == .usage)
            #expect(periods?.message.terms == [.releaseListing])
            let unknown = kijkglasFailure { _ = try session.reconcile(ReconcileRequest(release: try #require(ReleaseID(text: "R99")))) }
            #expect(unknown?.kind == .usage)
        }
    }
}
