import Foundation
import Ledger
import Reports
import Testing

@Suite("The trend report and its HTML page")
struct TrendHTMLTests {
    private static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas")

    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    private func row(_ pgn: UInt32, _ category: FundingCategory, from start: Day) -> Registration {
        var row = Registration(
            pgn: PGN(value: pgn)!, institution: "25GP", branch: "00", schoolType: .vso, enrolledFrom: start, periodStart: start, funded: true)
        row.category = category
        row.cluster = 4
        row.tlvFrom = Day(year: 2021, month: 8, day: 1)!
        row.tlvUntil = Day(year: 2022, month: 7, day: 31)!
        row.payingSwv = "VO9901"
        return row
    }

    private func report() throws -> TrendReport {
        let rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/counting.json")))
        let growth = try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/funding.json"))).growth
        let release = Release(
            id: ReleaseID(1), scope: scope, publishedOn: Day(year: 2021, month: 9, day: 15)!, fileName: "a.csv", fileSHA256: [],
            rowCount: 3, base: nil)
        let august = Day(year: 2021, month: 8, day: 1)!
        let rows = [row(111_111_111, .low, from: august), row(222_222_222, .high, from: august), row(333_333_333, .low, from: Day(year: 2021, month: 11, day: 15)!)]
        let state = KnownState(knownAt: nil, releases: [release], rows: CountingRows(rows))
        let days = Trend.days(from: Day(year: 2021, month: 9, day: 1)!, to: Day(year: 2022, month: 2, day: 1)!, every: .month, growth: growth)
        let trend = Trend(metric: .count, days: days, state: state, rules: rules, swv: nil, byCategory: true, growth: growth)
        var lifecycle = ReleaseLifecycle(currentBase: nil)
        lifecycle.withdrawn = (Day(year: 2021, month: 12, day: 1)!, "fouten")
        return TrendReport(
            trend, context: ProjectionContext(state: state, selection: "rules", swv: nil), releases: [release], lifecycles: [release.id: lifecycle])
    }

    @Test("the series counts per category on the first of each month")
    func series() throws {
        let trend = try report().trend
        #expect(trend.points.map(\.day.iso) == ["2021-09-01", "2021-10-01", "2021-11-01", "2021-12-01", "2022-01-01", "2022-02-01"])
        #expect(trend.points.map(\.total) == [2, 2, 2, 3, 3, 3])
        #expect(trend.groupLabels == ["L", "H"])
        #expect(trend.points.last?.groups == ["L": 2, "H": 1])
    }

    @Test("the HTML page is self-contained: inline SVG, no scripts, no links, Dutch labels and dates")
    func selfContained() throws {
        let page = TrendHTML.render(try report())
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(!page.contains("<script"))
        #expect(!page.lowercased().contains("http"))
        #expect(!page.contains("url("))
        #expect(!page.contains("@import"))
        for label in ["Aantal leerlingen per categorie", "Correcties per release", "Laag (L)", "Hoog (H)", "01-09-2021", "Ingetrokken op 01-12-2021", "lang=\"nl\""] {
            #expect(page.contains(label), "missing \(label)")
        }
        #expect(page.range(of: #"\d{9}"#, options: .regularExpression) == nil)
    }

    @Test("CSV has a header and one line per day; JSON names the groups")
    func machineForms() throws {
        let report = try report()
        #expect(report.csv.split(separator: "\n").first == "day;count;L;H")
        #expect(report.csv.split(separator: "\n").count == 7)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(json["groups"] as? [String] == ["L", "H"])
        #expect((json["points"] as? [Any])?.count == 6)
    }

    @Test("Dutch numbers group thousands with a point")
    func dutchNumbers() {
        #expect(DutchFormat.number(1_234_567) == "1.234.567")
        #expect(DutchFormat.number(-1234) == "-1.234")
        #expect(DutchFormat.signed(12) == "+12")
    }
}
