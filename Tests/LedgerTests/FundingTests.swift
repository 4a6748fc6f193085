import Foundation
import Ledger
import Testing

@Suite("Funding: rate tables, regimes, money")
struct FundingTests {
    /// The day the test table's correction was published.
    static let correctionDay = Day(year: 2022, month: 3, day: 15)!

    /// A rate table for 2022-2023 in two versions, the second correcting the first, the first
    /// lacking a cell; amounts invented for the test.
    static func correctedRateTable() throws -> RateTable {
        func amounts(_ base: Int, skip: String? = nil) -> String {
            var cells: [String] = []
            for (b, band) in ["SO<8", "SO8+", "VSO"].enumerated() {
                for (c, category) in ["L", "M", "H"].enumerated() where "\(band)\(category)" != skip {
                    let cents = base + 100_000 * b + 10_000 * c + 17
                    cells.append(#"{"band":"\#(band)","category":"\#(category)","euro":"\#(cents / 100).\#(cents % 100)","source":"test"}"#)
                }
            }
            return cells.joined(separator: ",")
        }
        let json = """
            {"year":"2022-2023","versions":[
              {"published":"2021-06-01","source":"test v1","parts":["personeel"],"amounts":[\(amounts(800_000, skip: "SO<8H"))]},
              {"published":"\(correctionDay.iso)","source":"test v2","parts":["personeel"],"amounts":[\(amounts(810_000))]}
            ]}
            """
        return try JSONDecoder().decode(RateTable.self, from: Data(json.utf8))
    }

    @Test("the shipped 2015-2016 table holds the domain's art. 15 amounts to the cent")
    func shipped2015() throws {
        let table = try ShippedSchemas.decode(RateTable.self, "rates/2015-2016.json")
        let version = try #require(table.version(knownAt: nil))
        #expect(table.year == "2015-2016")
        #expect(version.published == Day(year: 2015, month: 10, day: 28)!)
        let expected: [(RateBand, FundingCategory, Int)] = [
            (.soUnder8, .low, 905_977), (.soUnder8, .medium, 1_328_176), (.soUnder8, .high, 2_022_881),
            (.so8Plus, .low, 822_095), (.so8Plus, .medium, 1_438_155), (.so8Plus, .high, 2_132_860),
            (.vso, .low, 914_459), (.vso, .medium, 1_622_951), (.vso, .high, 2_018_672),
        ]
        for (band, category, cents) in expected {
            #expect(version.perPupil(band, category)?.cents == cents)
        }
        #expect(table.version(knownAt: Day(year: 2015, month: 10, day: 27)!) == nil)
    }

    @Test("a rate table answers with the version published by the day asked")
    func versions() throws {
        let table = try Self.correctedRateTable()
        #expect(table.version(knownAt: Self.correctionDay.adding(days: -1))?.source == "test v1")
        #expect(table.version(knownAt: Self.correctionDay)?.source == "test v2")
        #expect(table.version(knownAt: nil)?.source == "test v2")
        #expect(table.version(knownAt: Day(year: 2021, month: 5, day: 31)!) == nil)
    }

    @Test("money parses euro text exactly and never through floating point", arguments: [
        ("9059.77", 905_977), ("0.5", 50), ("-12", -1200), ("20186.72", 2_018_672), ("0.07", 7),
    ])
    func money(text: String, cents: Int) {
        #expect(Money(euros: text)?.cents == cents)
        #expect(Money(euros: Money(cents: cents).euros) == Money(cents: cents))
    }

    @Test("malformed euro text is refused", arguments: ["", "1.234", "1,50", "abc", "1.", ".5", "--1"])
    func badMoney(text: String) {
        #expect(Money(euros: text) == nil)
    }

    @Test("the regimes: school years to 2022-2023 with a 1 October teldatum, calendar years from 2023 with 1 February T−1")
    func regimes() throws {
        let rules = try ShippedSchemas.fundingRules()
        let old = try #require(rules.regime(for: FundingYear(text: "2015-2016")!))
        #expect(old.teldatum.day(in: 2015) == Day(year: 2014, month: 10, day: 1)!)
        #expect(old.ageSplit != nil && old.growthTransfer != nil)
        let new = try #require(rules.regime(for: FundingYear(text: "2024")!))
        #expect(new.teldatum.day(in: 2024) == Day(year: 2023, month: 2, day: 1)!)
        #expect(new.ageSplit == nil && new.growthTransfer == nil)
        #expect(rules.regime(for: FundingYear(text: "2023-2024")!) == nil)
        #expect(rules.regime(for: FundingYear(text: "2022")!) == nil)
        #expect(FundingYear(text: "2015-2017") == nil)
    }

    @Test("the so age band is taken on the teldatum: 8 on the day is 8+")
    func ageBand() throws {
        let regime = try #require(try ShippedSchemas.fundingRules().regime(for: .schoolYear(2022)))
        var row = Registration(
            pgn: PGN(value: 111_111_111)!, institution: "25GP", branch: "00", schoolType: .so,
            enrolledFrom: Day(year: 2021, month: 8, day: 1)!, periodStart: Day(year: 2021, month: 8, day: 1)!, funded: true)
        let teldatum = Day(year: 2021, month: 10, day: 1)!
        row.birthDate = Day(year: 2013, month: 10, day: 1)!
        #expect(regime.band(of: CountingRow(row), on: teldatum) == .so8Plus)
        row.birthDate = Day(year: 2013, month: 10, day: 2)!
        #expect(regime.band(of: CountingRow(row), on: teldatum) == .soUnder8)
        row.birthDate = nil
        #expect(regime.band(of: CountingRow(row), on: teldatum) == .so8Plus)
        row.schoolType = .vso
        #expect(regime.band(of: CountingRow(row), on: teldatum) == .vso)
    }

    @Test("the funding year in force on a day: school years from 1 August until 2022, calendar years from 1 January 2023", arguments: [
        ("2014-07-31", nil), ("2014-08-01", "2014-2015"), ("2015-07-31", "2014-2015"), ("2015-08-01", "2015-2016"),
        ("2022-12-31", "2022-2023"), ("2023-01-01", "2023"), ("2023-08-01", "2023"), ("2031-05-01", "2031"),
    ] as [(String, String?)])
    func fundingYearOnDay(day: String, year: String?) throws {
        let rules = try ShippedSchemas.fundingRules()
        #expect(rules.fundingYear(on: try #require(Day(iso: day)))?.description == year)
    }

    @Test("a funding year counts on its teldatum and, in the school-year regime, on the growth's 1 February; each day once")
    func fundingDays() throws {
        let rules = try ShippedSchemas.fundingRules()
        let schoolRegime = try #require(rules.regime(for: .schoolYear(2015)))
        let school = try #require(FundingDays(year: .schoolYear(2015), regime: schoolRegime, growth: rules.growth))
        #expect(school.all == [Day(year: 2014, month: 10, day: 1)!, Day(year: 2015, month: 2, day: 1)!])
        #expect(school.growthReference == school.teldatum)
        let calendarRegime = try #require(rules.regime(for: .calendarYear(2024)))
        let calendar = try #require(FundingDays(year: .calendarYear(2024), regime: calendarRegime, growth: rules.growth))
        #expect(calendar.all == [Day(year: 2023, month: 2, day: 1)!])
        #expect(calendar.growthPeildatum == nil)
    }
}
