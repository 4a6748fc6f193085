import KijkglasKit
import Ledger
import Testing
import TestSupport

/// Funding, and the series and triangles priced with it, from a ledger of 2014-2015 and
/// 2015-2016 (the demo's releases moved back), with the rates of 2015-2016.
@Suite("LedgerSession funding", .serialized)
struct LedgerSessionFundingTests {
    @Test("funding 2015-2016 as known today, its revisions and its trend; rates not yet published are refused")
    func funding() throws {
        let demo = try DemoLedger(movedBack: [7, 6])
        defer { demo.directory.remove() }
        let session = try demo.session()
        let year = try #require(FundingYear(text: "2015-2016"))

        let answer = try session.funding(FundingRequest(year: year))
        #expect(answer.funding.total.cents > 0)
        #expect(answer.context.swv == "VO9901")

        let early = try #require(Day(year: 2015, month: 9, day: 1))
        do {
            _ = try session.funding(FundingRequest(year: year, knownAt: early))
            Issue.record("rates published after the day of knowledge were used")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.terms == [.knownAt])
            #expect(error.description.contains("first published on 2015-10-28, after the day of knowledge 2015-09-01"))
        }

        let revisions = try session.revisions(RevisionsRequest(metric: .funding(year)))
        #expect(revisions.unit == "cents")
        // Each row is priced with the rates published by its day: every release of 2014-2015
        // came before the rates of 2015-2016 (28 October 2015), so no row has a value.
        #expect(revisions.revisions.rows.count == 7)
        #expect(revisions.revisions.rows.allSatisfy { $0.values == [nil] })

        let from = try #require(Day(year: 2015, month: 8, day: 1))
        let trend = try session.trend(TrendRequest(from: from, to: from, metric: .funding))
        #expect(trend.trend.points.first?.total == answer.funding.total.cents)
    }
}
