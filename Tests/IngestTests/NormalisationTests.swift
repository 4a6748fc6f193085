@testable import Ingest
import Ledger
import Testing

@Suite("Normalising cell values")
struct NormalisationTests {
    @Test("SWV codes are written many ways and stored as PO2707", arguments: [
        ("PO2707", "PO2707"), ("PO-27-07", "PO2707"), ("VO 25-08", "VO2508"), ("po2707", "PO2707"), ("vo25.08", "VO2508"),
        ("VO_2508", "VO2508"), ("XO2508", nil), ("VO250", nil), ("VO25088", nil), ("", nil),
    ] as [(String, String?)])
    func swv(text: String, canonical: String?) {
        #expect(FieldType.swvCode.canonicalText(text, range: nil) == canonical)
    }

    @Test("a vestiging of one digit gets its leading zero", arguments: [
        ("4", "04"), ("04", "04"), ("12", "12"), ("0", "00"), ("123", nil), ("4-", nil),
    ] as [(String, String?)])
    func branch(text: String, canonical: String?) {
        #expect(FieldType.branch.canonicalText(text, range: nil) == canonical)
    }

    @Test("categories are letters, Dutch words or numbers", arguments: [
        ("L", "L"), ("m", "M"), ("H", "H"), ("Laag", "L"), ("MIDDEN", "M"), ("hoog", "H"), ("1", "L"), ("2", "M"), ("3", "H"),
        ("4", nil), ("Zwaar", nil),
    ] as [(String, String?)])
    func category(text: String, canonical: String?) {
        #expect(FieldType.category.canonicalText(text, range: nil) == canonical)
    }

    @Test("yes and no in every spelling DUO and spreadsheets use", arguments: [
        ("J", "J"), ("j", "J"), ("Ja", "J"), ("1", "J"), ("true", "J"), ("TRUE", "J"), ("yes", "J"),
        ("N", "N"), ("nee", "N"), ("0", "N"), ("false", "N"), ("No", "N"), ("misschien", nil), ("2", nil),
    ] as [(String, String?)])
    func yesNo(text: String, canonical: String?) {
        #expect(FieldType.yesNo.canonicalText(text, range: nil) == canonical)
    }

    @Test("school types are SO and VSO, or 1 and 2", arguments: [
        ("SO", "SO"), ("vso", "VSO"), ("1", "SO"), ("2", "VSO"), ("3", nil), ("SBO", nil),
    ] as [(String, String?)])
    func schoolType(text: String, canonical: String?) {
        #expect(FieldType.schoolType.canonicalText(text, range: nil) == canonical)
    }

    @Test("dates are read in DUO's and ISO order and must exist", arguments: [
        ("01-02-2022", "2022-02-01"), ("1-2-2022", "2022-02-01"), ("2022-02-01", "2022-02-01"), ("29-02-2024", "2024-02-29"),
        ("01/02/2022", "2022-02-01"), ("31-02-2021", nil), ("29-02-2021", nil), ("2022-2-1", nil), ("01-13-2022", nil),
        ("1-2-22", nil), ("morgen", nil), ("2022/02/01", "2022-02-01"), ("01.02-2022", "2022-02-01"), ("0a-02-2022", nil),
        ("01-02-20x2", nil), ("12-34-5678", nil), ("1234-56-78", nil), ("2022-02-1x", nil), ("01--2-2022", nil),
        ("31-12-9999", "9999-12-31"), ("01-01-0000", nil),
    ] as [(String, String?)])
    func date(text: String, canonical: String?) {
        #expect(FieldType.date.canonicalText(text, range: nil) == canonical)
    }

    @Test("a PGN is exactly nine digits", arguments: [
        ("123456789", "123456789"), ("012345678", "012345678"), ("12345678", nil), ("1234567890", nil), ("12345678A", nil),
    ] as [(String, String?)])
    func pgn(text: String, canonical: String?) {
        #expect(FieldType.pgn.canonicalText(text, range: nil) == canonical)
    }

    @Test("small numbers stay within the layout's range")
    func smallNumber() {
        #expect(FieldType.smallNumber.canonicalText("3", range: 1...4) == "3")
        #expect(FieldType.smallNumber.canonicalText("03", range: 1...4) == "3")
        #expect(FieldType.smallNumber.canonicalText("5", range: 1...4) == nil)
        #expect(FieldType.smallNumber.canonicalText("0", range: 0...6) == "0")
        #expect(FieldType.smallNumber.canonicalText("-1", range: nil) == nil)
    }

    @Test("TLV numbers are SWV code, year and serial")
    func tlvNumber() {
        #expect(FieldType.tlvNumber.canonicalText("vo2508-2021-00012", range: nil) == "VO2508-2021-00012")
        #expect(FieldType.tlvNumber.canonicalText("VO2508-21-00012", range: nil) == nil)
        #expect(FieldType.tlvNumber.canonicalText("po 27.07-2022-7", range: nil) == "PO2707-2022-7")
        #expect(FieldType.tlvNumber.canonicalText("VO2508-2021-1234567", range: nil) == nil)
    }

    @Test("school years follow each other")
    func schoolYear() {
        #expect(SchoolYear.canonical("2021-2022") == "2021-2022")
        #expect(SchoolYear.canonical("2021/2022") == "2021-2022")
        #expect(SchoolYear.canonical("2021 - 22") == "2021-2022")
        #expect(SchoolYear.canonical("2021-2023") == nil)
        #expect(SchoolYear.containing(Day(year: 2022, month: 2, day: 1)!) == "2021-2022")
        #expect(SchoolYear.containing(Day(year: 2022, month: 8, day: 1)!) == "2022-2023")
    }

    @Test("a file name gives SWV, publication date and school year when it holds exactly one", arguments: [
        ("kijkglas2-VO2508-2022-04-29.csv", ReleaseMetadata(swv: "VO2508", published: Day(year: 2022, month: 4, day: 29))),
        ("Kijkglas 2 PO-27-07 29-04-2022.csv", ReleaseMetadata(swv: "PO2707", published: Day(year: 2022, month: 4, day: 29))),
        ("kg2_vo2508_20220429.csv", ReleaseMetadata(swv: "VO2508", published: Day(year: 2022, month: 4, day: 29))),
        ("kg2-VO2508-2021-2022-2022-04-29.csv",
         ReleaseMetadata(swv: "VO2508", schoolYear: "2021-2022", published: Day(year: 2022, month: 4, day: 29))),
        ("export-2022-02-01-2022-04-29.csv", ReleaseMetadata()),
        ("rapport.csv", ReleaseMetadata()),
    ])
    func fileName(name: String, metadata: ReleaseMetadata) {
        #expect(ReleaseMetadata(fileName: name) == metadata)
    }

    @Test("the metadata items an override sets win")
    func overriding() {
        let block = ReleaseMetadata(product: "kijkglas-2", swv: "VO2508", schoolYear: "2021-2022", published: Day(year: 2022, month: 4, day: 29))
        let flags = ReleaseMetadata(swv: "VO9901", published: Day(year: 2022, month: 5, day: 1))
        #expect(block.overridden(by: flags) == ReleaseMetadata(
            product: "kijkglas-2", swv: "VO9901", schoolYear: "2021-2022", published: Day(year: 2022, month: 5, day: 1)))
    }
}
