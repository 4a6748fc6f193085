import Foundation
import Ledger
import Reports
import Testing

@Suite("The trend report and its HTML page")
struct TrendHTMLTests {
    private static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas")

    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    private func row(_ pgn: UInt32, _ category: FundingCategory, from start: Day, type: SchoolType = .vso) -> Registration {
        var row = Registration(
            pgn: PGN(value: pgn)!, institution: "25GP", branch: "00", schoolType: type, enrolledFrom: start, periodStart: start, funded: true)
        let year = start.components.month >= 8 ? start.components.year : start.components.year - 1
        row.category = category
        row.cluster = 4
        row.tlvFrom = Day(year: year, month: 8, day: 1)!
        row.tlvUntil = Day(year: year + 1, month: 7, day: 31)!
        row.payingSwv = "VO9901"
        return row
    }

    private func report() throws -> TrendReport {
        let rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/counting.json")))
        let funding = try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/funding.json")))
        let release = Release(
            id: ReleaseID(1), scope: scope, publishedOn: Day(year: 2021, month: 9, day: 15)!, fileName: "a.csv", fileSHA256: [],
            rowCount: 3, base: nil)
        let august = Day(year: 2021, month: 8, day: 1)!
        let rows = [row(111_111_111, .low, from: august), row(222_222_222, .high, from: august), row(333_333_333, .low, from: Day(year: 2021, month: 11, day: 15)!)]
        let year = SchoolYear(firstYear: 2021)
        let state = KnownState(
            knownAt: nil, swv: "VO9901", schoolYears: [KnownSchoolYear(schoolYear: year, answeredFrom: year, releases: [release], rows: CountingRowPool(rows))])
        let days = Trend.days(from: Day(year: 2021, month: 9, day: 1)!, to: Day(year: 2022, month: 2, day: 1)!, every: .month, growth: funding.growth)
        let trend = Trend(metric: .count, days: days, state: state, rules: rules, swv: nil, by: .category, funding: funding)
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

    @Test("a school year answered from the year before says so on the page, in the text and in JSON")
    func fallbackOnThePage() throws {
        let rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/counting.json")))
        let funding = try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/funding.json")))
        let release = Release(
            id: ReleaseID(10), scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2020-2021"),
            publishedOn: Day(year: 2021, month: 7, day: 20)!, fileName: "r10.csv", fileSHA256: [], rowCount: 1, base: nil)
        let august = Day(year: 2020, month: 8, day: 1)!
        let state = KnownState(
            knownAt: Day(year: 2021, month: 9, day: 15)!, swv: "VO9901",
            schoolYears: [
                KnownSchoolYear(
                    schoolYear: SchoolYear(firstYear: 2021), answeredFrom: SchoolYear(firstYear: 2020), releases: [release],
                    rows: CountingRowPool([row(111_111_111, .low, from: august)]))
            ])
        let days = [Day(year: 2021, month: 9, day: 1)!]
        let trend = Trend(metric: .count, days: days, state: state, rules: rules, swv: "VO9901", by: nil, funding: funding)
        let report = TrendReport(trend, context: ProjectionContext(state: state, selection: "rules", swv: "VO9901"))
        #expect(TrendHTML.render(report).contains(
            "<dt>Let op</dt><dd>geen registratiebestand van VO9901 voor 2021-2022 bekend op 15-09-2021; beantwoord uit de inschrijvingen van 2020-2021 (R10)</dd>"))
        #expect(report.text.contains("Note: no kijkglas-2 of VO9901 for 2021-2022 known on 2021-09-15; answered from the registrations of 2020-2021 (R10)"))
        #expect(report.json.contains("\"answeredFrom\" : \"2020-2021\""))
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

    @Test("a funding trend prices each day's funding year as Funding does; a year without a rate table or without rates yet has no value and says why")
    func funding() throws {
        let rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/counting.json")))
        let funding = try JSONDecoder().decode(FundingRules.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rules/funding.json")))
        let table = try JSONDecoder().decode(RateTable.self, from: Data(contentsOf: Self.schemas.appendingPathComponent("rates/2015-2016.json")))
        func release(_ id: UInt32, _ period: String, _ published: Day) -> Release {
            Release(
                id: ReleaseID(id), scope: Scope(product: "kijkglas-2", swv: "VO9901", period: period), publishedOn: published, fileName: "\(id).csv",
                fileSHA256: [], rowCount: 0, base: nil)
        }
        let august = Day(year: 2014, month: 8, day: 1)!
        var young = row(444_444_444, .medium, from: august, type: .so)
        young.birthDate = Day(year: 2008, month: 5, day: 1)!
        let rows = [
            row(111_111_111, .low, from: august), row(222_222_222, .high, from: august), young,
            row(333_333_333, .low, from: Day(year: 2014, month: 11, day: 15)!),
        ]
        let releases = [release(1, "2014-2015", Day(year: 2014, month: 9, day: 15)!), release(2, "2015-2016", Day(year: 2015, month: 9, day: 15)!)]
        let state = KnownState(
            knownAt: nil, swv: "VO9901",
            schoolYears: releases.compactMap { release in
                release.scope.schoolYear.map { KnownSchoolYear(schoolYear: $0, answeredFrom: $0, releases: [release], rows: CountingRowPool(rows)) }
            })
        let days = Trend.days(from: Day(year: 2015, month: 9, day: 1)!, to: Day(year: 2016, month: 10, day: 1)!, every: .teldatum, growth: funding.growth)
        let trend = Trend(
            metric: .funding, days: days, state: state, rules: rules, swv: "VO9901", by: .category, funding: funding,
            rates: RateTables([.schoolYear(2015): table]))
        let regime = try #require(funding.regime(for: .schoolYear(2015)))
        let fundingDays = try #require(FundingDays(year: .schoolYear(2015), regime: regime, growth: funding.growth))
        let version = try #require(table.version(knownAt: nil))
        let expected = try #require(Funding(year: .schoolYear(2015), regime: regime, days: fundingDays, rates: version, state: state, rules: rules, payingSwv: "VO9901"))
        #expect(expected.total.cents > 0)
        #expect(trend.points.map(\.day.iso) == ["2015-10-01", "2016-02-01", "2016-10-01"])
        #expect(trend.points.map(\.total) == [expected.total.cents, expected.total.cents, nil])
        #expect(trend.points[0].groups.values.reduce(0, +) == expected.total.cents)
        #expect(trend.points[0].groups["M"] == expected.lines.filter { $0.category == .medium }.compactMap(\.amount?.cents).reduce(0, +))
        #expect(trend.points[2].missing == .noRateTable(.schoolYear(2016)))
        #expect(trend.points[2].fundingYear == .schoolYear(2016))
        #expect(trend.rateVersions[.schoolYear(2015)]?.published == Day(year: 2015, month: 10, day: 28)!)

        let report = TrendReport(trend, context: ProjectionContext(state: state, selection: "rules", swv: "VO9901"))
        let page = TrendHTML.render(report)
        for text in ["Aftrek van het SWV-budget per categorie", "Bekostigingsjaar", DutchFormat.euro(expected.total), "geen tarieven", "Schemas/rates/2016-2017.json", "Midden (M)"] {
            #expect(page.contains(text), "missing \(text)")
        }
        #expect(report.csv.contains("2015-10-01;2015-2016;\(DutchFormat.decimal(expected.total));"))
        #expect(report.text.contains("no rates: no rate table for 2016-2017: add Schemas/rates/2016-2017.json"))

        let early = Trend(
            metric: .funding, days: days, state: state, rules: rules, swv: "VO9901", by: nil, funding: funding,
            rates: RateTables([.schoolYear(2015): table], knownAt: Day(year: 2015, month: 10, day: 1)!))
        #expect(early.points[0].missing == .ratesNotYetPublished(.schoolYear(2015), firstPublished: Day(year: 2015, month: 10, day: 28)!))
    }

    @Test("Dutch euros: grouped with a point and a decimal comma; in CSV a decimal comma only", arguments: [
        (905_977, "€ 9.059,77", "9059,77"), (123_456_789, "€ 1.234.567,89", "1234567,89"), (-1_250, "-€ 12,50", "-12,50"), (7, "€ 0,07", "0,07"),
    ])
    func dutchEuros(cents: Int, text: String, csv: String) {
        #expect(DutchFormat.euro(Money(cents: cents)) == text)
        #expect(DutchFormat.decimal(Money(cents: cents)) == csv)
    }
}

@Suite("Series styles")
struct SeriesStyleTests {
    @Test("every series of a chart has a colour and dash of its own, past the palette's eight")
    func distinctStyles() {
        let styles = (0..<120).map { SVGChart.style(at: $0) }
        #expect(Set(styles.map { "\($0.color)|\($0.dash)" }).count == styles.count)
        #expect(Set(styles.map(\.color)).count == styles.count)
        #expect(styles[0].color != styles[8].color)
    }
}
