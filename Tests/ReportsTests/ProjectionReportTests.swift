import Foundation
import Ledger
import Reports
import Testing

@Suite("Projection reports")
struct ProjectionReportTests {
    private let october = Day(year: 2021, month: 10, day: 1)!
    private let february = Day(year: 2022, month: 2, day: 1)!

    private func row(_ pgn: UInt32, _ institution: String, _ category: FundingCategory) -> Registration {
        var row = Registration(
            pgn: PGN(value: pgn)!, institution: institution, branch: "00", schoolType: .vso,
            enrolledFrom: Day(year: 2021, month: 8, day: 1)!, periodStart: Day(year: 2021, month: 8, day: 1)!, funded: true)
        row.category = category
        row.payingSwv = "VO9901"
        return row
    }

    private var context: ProjectionContext {
        ProjectionContext(state: KnownState(knownAt: february, swv: "VO9901", schoolYears: []), selection: "rules", swv: "VO9901")
    }

    /// 111111111 leaves, 222222222 stays, 333333333 moves school, 444444444 arrives.
    private var growth: Growth {
        let before = [row(111_111_111, "25GP", .low), row(222_222_222, "25GP", .medium), row(333_333_333, "25GP", .high)]
        let after = [row(222_222_222, "25GP", .medium), row(333_333_333, "00AO", .high), row(444_444_444, "00AO", .low)]
        return Growth(
            from: CountedPupils(rows: CountingRowPool(before), on: october, selection: .everyValidRow),
            to: CountedPupils(rows: CountingRowPool(after), on: february, selection: .everyValidRow))
    }

    @Test("a day answered from the school year before says so in text and JSON, naming both years and the releases")
    func fallbackNote() throws {
        let release = Release(
            id: ReleaseID(10), scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2020-2021"),
            publishedOn: Day(year: 2021, month: 7, day: 20)!, fileName: "r10.csv", fileSHA256: [], rowCount: 1, base: nil)
        let (asked, previous) = (SchoolYear(firstYear: 2021), SchoolYear(firstYear: 2020))
        let state = KnownState(
            knownAt: Day(year: 2021, month: 9, day: 1)!, swv: "VO9901",
            schoolYears: [KnownSchoolYear(schoolYear: asked, answeredFrom: previous, releases: [release], rows: CountingRowPool([Registration]()))])
        let context = ProjectionContext(state: state, selection: "rules", swv: "VO9901")
        let count = PupilCount(rows: CountingRowPool([Registration]()), on: Day(year: 2021, month: 9, day: 1)!)
        #expect(CountText.render(count, context: context) == """
            On 2021-09-01: 0 pupils (As known at 2021-09-01 (R10); counting rules; VO9901's releases and TLVs)
            Note: no kijkglas-2 of VO9901 for 2021-2022 known on 2021-09-01; answered from the registrations of 2020-2021 (R10)
            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CountText.json(count, context: context).utf8)) as? [String: Any])
        let fallbacks = try #require(json["fallbacks"] as? [[String: Any]])
        #expect(fallbacks.count == 1 && fallbacks[0]["schoolYear"] as? String == "2021-2022" && fallbacks[0]["answeredFrom"] as? String == "2020-2021")
        #expect(fallbacks[0]["releases"] as? [String] == ["R10"])
    }

    @Test("a count prints what it was counted from, its total and its groups")
    func countText() {
        let count = PupilCount(rows: CountingRowPool([row(111_111_111, "25GP", .low)]), on: february, by: .category)
        #expect(CountText.render(count, context: context) == """
            On 2022-02-01: 1 pupils (As known at 2022-02-01 (no releases); counting rules; VO9901's releases and TLVs)
            category  pupils
            --------  ------
            L              1
            """)
        let json = try? JSONSerialization.jsonObject(with: Data(CountText.json(count, context: context).utf8)) as? [String: Any]
        #expect(json?["pupils"] as? Int == 1 && json?["knownAt"] as? String == "2022-02-01" && json?["breakdown"] as? String == "category")
    }

    @Test("growth lists instroom, uitstroom and doorstroom with PGNs masked unless asked")
    func growthText() {
        let masked = GrowthReport(growth, context: context, perPupil: true, showPGN: false).text
        #expect(masked.contains("Growth from 2021-10-01 to 2022-02-01: 0 pupils"))
        #expect(masked.contains("*******11  uitstroom   25GP/00 L  -"))
        #expect(masked.contains("*******33  doorstroom  25GP/00 H  00AO/00 H"))
        #expect(masked.contains("*******44  instroom    -          00AO/00 L"))
        #expect(!masked.contains("222222222") && !masked.contains("*******22"))
        #expect(!masked.contains("111111111"))
        let shown = GrowthReport(growth, context: context, perPupil: true, showPGN: true)
        #expect(shown.text.contains("111111111  uitstroom"))
        #expect(!GrowthReport(growth, context: context, perPupil: true, showPGN: false).json.contains("111111111"))
    }

    @Test("money prints in Dutch notation in text and as exact decimal text in JSON", arguments: [
        (905_977, "€ 9.059,77"), (5, "€ 0,05"), (-2_239_011, "-€ 22.390,11"), (100_000_000, "€ 1.000.000,00"),
    ])
    func euro(cents: Int, text: String) throws {
        let rates = try JSONDecoder().decode(RateTable.self, from: Data("""
            {"year":"2022-2023","versions":[{"published":"2021-11-01","source":"test","parts":["personeel"],
             "amounts":[{"band":"VSO","category":"L","euro":"\(Money(cents: cents).euros)","source":"test"}]}]}
            """.utf8))
        let version = try #require(rates.version(knownAt: nil))
        let regime = try JSONDecoder().decode(FundingRegime.self, from: Data("""
            {"name":"kalenderjaar","yearKind":"calendarYear","firstYear":2023,"teldatum":{"month":2,"day":1,"yearOffset":-1},"source":"test"}
            """.utf8))
        let counted = CountedPupils(rows: CountingRowPool([row(111_111_111, "25GP", .low)]), on: february, selection: .everyValidRow)
        let report = FundingReport(
            Funding(year: .calendarYear(2023), regime: regime, rates: version, counted: counted, growth: nil), context: context)
        #expect(report.text.contains("Total deducted: \(text)"))
        #expect(report.json.contains("\"total\" : \"\(Money(cents: cents).euros)\""))
    }

    @Test("the revision triangle shows each value as known then and the change since the row before")
    func revisionsText() {
        let points = [(Day(year: 2021, month: 9, day: 15)!, 3 as Int?), (Day(year: 2021, month: 11, day: 1)!, 5), (Day(year: 2022, month: 4, day: 1)!, 4)]
        let releases = points.enumerated().map { index, point in
            Release(
                id: ReleaseID(UInt32(index + 1)), scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
                publishedOn: point.0, fileName: "r", fileSHA256: [], rowCount: 0, base: nil)
        }
        let knowledge = points.enumerated().map { index, point in (point.0, [releases[index].id]) }
        let revisions = Revisions(
            days: [october], points: knowledge.map { LoadedReleases.KnowledgePoint(day: $0.0, published: $0.1, withdrawn: []) },
            value: { state, _ in points.first { $0.0 == state.knownAt }?.1 },
            state: { KnownState(knownAt: $0, swv: "VO9901", schoolYears: []) })
        #expect(RevisionsReport(revisions, metric: "count", unit: "pupils").text == """
            Revisions of count (pupils) as known at each publication and withdrawal
            known at    event         count 2021-10-01  revision
            ----------  ------------  ----------------  --------
            2021-09-15  published R1                 3
            2021-11-01  published R2                 5        +2
            2022-04-01  published R3                 4        -1
            """)
    }
}
