import Foundation
import Ingest
import Ledger
import SampleData
import Testing

/// Kijkglas 3 and Kijkglas 1 part 1 (DUO's stated figures) and Kijkglas 1 part 2 (the settled
/// snapshot) read from CSV in UTF-8, UTF-8 with BOM and Windows-1252, and from XLSX.
@Suite("Aggregate and snapshot products")
struct AggregateProductTests {
    /// A Kijkglas 3 file of random figures, and the figures it states.
    static func kijkglas3(_ random: inout SplitMix64) -> (text: String, figures: [StatedFigure]) {
        let peildatum = Day.literal(2022, 2, 1)
        var lines = [
            "Samenwerkingsverband;VO-25-08", "Product;Kijkglas 3", "Peildatum;01-02-2022", "Datum aanmaak;08-09-2022",
            "Groei (v)so", "Schoolsoort;Categorie;Aantal 1 oktober;Aantal 1 februari;Groei;Bedrag per leerling;Overdrachtsverplichting",
        ]
        var figures: [StatedFigure] = []
        for schoolType in SchoolType.allCases {
            for category in FundingCategory.allCases {
                let before = Int.random(in: 0...400, using: &random)
                let after = Int.random(in: 0...400, using: &random)
                let suppressed = before < 5
                let cents = Int.random(in: 0...5_000_000, using: &random)
                let amountText = Bool.random(using: &random) ? "€ \(dutch(cents))" : "\(cents / 100).\(String(format: "%02d", cents % 100))"
                let duty = cents * max(0, after - before)
                lines.append(
                    "\(schoolType == .so ? "SO" : "2");\(["Laag", "M", "3"][FundingCategory.allCases.firstIndex(of: category)!]);"
                        + "\(suppressed ? "<5" : String(before));\(after);\(after - before);\(amountText);\(dutch(duty))")
                func figure(_ measure: StatedFigure.Measure, _ value: StatedValue) -> StatedFigure {
                    StatedFigure(measure: measure, day: peildatum, schoolType: schoolType, category: category, value: value)
                }
                figures += [
                    figure(.countOctober, suppressed ? .fewerThan(5) : .number(before)), figure(.countFebruary, .number(after)),
                    figure(.growth, .number(after - before)), figure(.amountPerPupil, .amount(Money(cents: cents))),
                    figure(.transferDuty, .amount(Money(cents: duty))),
                ]
            }
        }
        return (lines.joined(separator: "\r\n") + "\r\n", figures)
    }

    /// `1.234.567,89`.
    static func dutch(_ cents: Int) -> String {
        var euros = String(cents / 100)
        var grouped = ""
        while euros.count > 3 {
            grouped = "." + euros.suffix(3) + grouped
            euros.removeLast(3)
        }
        return euros + grouped + "," + String(format: "%02d", cents % 100)
    }

    @Test("Kijkglas 3 reads to exactly its figures in every encoding", arguments: [1, 2, 3] as [UInt64])
    func kijkglas3Encodings(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let (text, figures) = Self.kijkglas3(&random)
        let encodings: [(String, [UInt8])] = [
            ("utf8", Array(text.utf8)), ("bom", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("1252", [UInt8](try #require(text.data(using: .windowsCP1252)))),
        ]
        for (name, bytes) in encodings {
            let path = try Fixture.write(bytes, as: "kijkglas3-\(name).csv")
            defer { Fixture.remove(path) }
            let release = try ReleaseFileReader.builtIn().read(file: path)
            #expect(release.content == .figures)
            #expect(release.scope == Scope(product: "kijkglas-3", swv: "VO2508", period: "2022-02-01"))
            #expect(release.publishedOn == Day.literal(2022, 9, 8))
            #expect(release.rows.isEmpty)
            #expect(release.figures == figures, "\(name)")
        }
    }

    @Test("Kijkglas 3 from XLSX reads the same figures as from CSV")
    func kijkglas3Workbook() throws {
        var random = SplitMix64(seed: 7)
        let (text, figures) = Self.kijkglas3(&random)
        let rows = text.split(separator: "\r\n").map { line in
            line.split(separator: ";", omittingEmptySubsequences: false).map { XLSXFile.Cell.shared(String($0)) }
        }
        let path = try Fixture.write(try XLSXFile(sheets: [("Groei", rows)]).bytes(), as: "kijkglas3.xlsx")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.figures == figures)
    }

    @Test("Kijkglas 1 part 1: a description, a count and the teldatum per line; a repeated line is an error")
    func kijkglas1Part1() throws {
        let text = """
            Product;Kijkglas 1 deel 1
            Datum aanmaak;15-11-2021
            Samenwerkingsverband;Teldatum;Omschrijving;Aantal
            PO2707;1-10-2021;Totaal (v)so;57
            PO2707;1-10-2021;so jonger dan 8 jaar;<5

            """
        let path = try Fixture.write(text, as: "kijkglas1-1.csv")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.scope == Scope(product: "kijkglas-1-1", swv: "PO2707", period: "2021-10-01"))
        #expect(release.figures == [
            StatedFigure(measure: .count, day: .literal(2021, 10, 1), label: "Totaal (v)so", value: .number(57)),
            StatedFigure(measure: .count, day: .literal(2021, 10, 1), label: "so jonger dan 8 jaar", value: .fewerThan(5)),
        ])
        let repeated = try Fixture.write(text + "PO2707;01-10-2021;Totaal (v)so;58\n", as: "kijkglas1-1.csv")
        defer { Fixture.remove(repeated) }
        let error = try #require(throws: InputError.self) { try ReleaseFileReader.builtIn().read(file: repeated) }
        #expect(error.problems.map(\.description) == [
            "kijkglas1-1.csv:6:1: error: expected one line per day, schoolsoort, category and description; line 4 states the same figures"
        ])
    }

    @Test("a bad stated value names its line, column and what was expected")
    func badFigure() throws {
        let text = "Product;Kijkglas 3\nPeildatum;01-02-2022\nDatum aanmaak;29-04-2022\nSamenwerkingsverband;VO2508\n"
            + "Schoolsoort;Categorie;Aantal 1 oktober;Aantal 1 februari;Groei;Bedrag per leerling\nSO;L;12;veel;2;9.059,7x\n"
        let path = try Fixture.write(text, as: "k3.csv")
        defer { Fixture.remove(path) }
        let error = try #require(throws: InputError.self) { try ReleaseFileReader.builtIn().read(file: path) }
        #expect(error.problems.map(\.description) == [
            "k3.csv:6:4: error: countFebruary: expected a whole number (or <5 for a suppressed count), found 'veel'",
            "k3.csv:6:6: error: amountPerPupil: expected an amount in euros like 9.059,77 or 9059.77, found '9.059,7x'",
        ])
    }

    @Test("a Status line marks the file Definitief or Voorlopig; another value is a problem on its line")
    func status() throws {
        let table = "\n\nSchoolsoort;Categorie;Aantal 1 oktober;Aantal 1 februari;Groei\nSO;L;12;14;2\n"
        let block = "Samenwerkingsverband;VO2508\nPeildatum;01-02-2022\nDatum aanmaak;11-04-2023\nStatus;"
        for (status, definitive) in [("Definitief", true), ("voorlopig", false)] {
            let path = try Fixture.write(block + status + table, as: "k3.csv")
            defer { Fixture.remove(path) }
            #expect(try ReleaseFileReader.builtIn().read(file: path).isDefinitive == definitive)
        }
        let path = try Fixture.write(block + "Misschien" + table, as: "k3.csv")
        defer { Fixture.remove(path) }
        let error = try #require(throws: InputError.self) { try ReleaseFileReader.builtIn().read(file: path) }
        #expect(error.problems.map(\.description) == [
            "k3.csv:4:2: error: status: expected Definitief or Voorlopig, found 'Misschien'; correct the block line 'Status'"
        ])
    }

    @Test("Kijkglas 1 part 2: each settled pupil a one-day registration on the teldatum, from the block or a column")
    func kijkglas1Part2() throws {
        let header = "BSN;Vestigingscode;Schoolsoort;Categorie;SWV TLV;Bekostigd"
        let fromBlock = "Samenwerkingsverband;VO2508\nProduct;Kijkglas 1 deel 2\nPeildatum;01-10-2021\nDatum aanmaak;15-11-2021\n\n"
            + header + "\n123456789;25GP04;VSO;H;VO2508;J\n"
        let fromColumn = "Samenwerkingsverband;VO2508\nDatum aanmaak;15-11-2021\n\n"
            + header + ";Teldatum\n123456789;25GP04;VSO;H;VO2508;J;01-10-2021\n"
        for text in [fromBlock, fromColumn] {
            let path = try Fixture.write(text, as: "kijkglas1-2.csv")
            defer { Fixture.remove(path) }
            let release = try ReleaseFileReader.builtIn().read(file: path)
            #expect(release.content == .snapshot)
            #expect(release.scope == Scope(product: "kijkglas-1-2", swv: "VO2508", period: "2021-10-01"))
            let row = try #require(release.rows.first)
            #expect(row.enrolledFrom == .literal(2021, 10, 1) && row.periodStart == .literal(2021, 10, 1) && row.periodEnd == .literal(2021, 10, 1))
            #expect((row.institution, row.branch, row.category, row.funded) == ("25GP", "04", .high, true))
        }
        let undated = try Fixture.write(
            "Samenwerkingsverband;VO2508\nProduct;Kijkglas 1 deel 2\nDatum aanmaak;15-11-2021\n\n\(header)\n123456789;25GP04;VSO;H;VO2508;J\n",
            as: "kijkglas1-2.csv")
        defer { Fixture.remove(undated) }
        let error = try #require(throws: InputError.self) { try ReleaseFileReader.builtIn().read(file: undated) }
        #expect(error.problems.first?.description.contains("referenceDate: expected the teldatum the snapshot is for") == true)
    }
}
