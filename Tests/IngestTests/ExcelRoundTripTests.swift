import Foundation
@testable import Ingest
import Ledger
import Testing

/// Files that went through a spreadsheet program: read right, or refused with the reason.
@Suite("Files that went through Excel")
struct ExcelRoundTripTests {
    /// The block fixture's text with `replacements` made.
    static func blockText(_ replacements: [(String, String)] = []) throws -> String {
        var text = String(decoding: try Fixture.bytes("kijkglas2-block.csv"), as: UTF8.self)
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    /// The problems reading `workbook` as `name` gives, and the release when there are none.
    static func read(_ workbook: XLSXFile, as name: String = "kijkglas2-block.xlsx", sheet: String? = nil) throws
        -> (problems: [InputProblem], release: IncomingRelease?)
    {
        let path = try Fixture.write(try workbook.bytes(), as: name)
        defer { Fixture.remove(path) }
        var reader = try ReleaseFileReader.builtIn()
        reader.sheetName = sheet
        do {
            return ([], try reader.read(file: path))
        } catch {
            return (error.problems, nil)
        }
    }

    @Test("a PGN that lost its leading zero in a spreadsheet is padded back when it is a valid BSN")
    func paddedPGN() throws {
        let workbook = try ExcelRoundTrip.workbook(fromCSV: try Self.blockText([("100000025", "012345672")]), locale: .dutch)
        let (problems, release) = try Self.read(workbook)
        #expect(problems.isEmpty, "\(problems)")
        #expect(release?.rows.last?.pgn.digits == "012345672")
        #expect(release?.rows.last?.branch == "04")
    }

    @Test("a PGN that lost its zeros and is no valid BSN is refused saying the spreadsheet dropped them")
    func droppedZeros() throws {
        let workbook = try ExcelRoundTrip.workbook(fromCSV: try Self.blockText([("100000025", "012345670")]), locale: .dutch)
        let (problems, _) = try Self.read(workbook)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.description.contains("kijkglas2-block.xlsx:B13: error: pgn: expected 9 digits, found '******70'"))
        #expect(problem.hint?.hasPrefix("the spreadsheet dropped leading zeros; format the column as Text") == true)
        #expect(!problem.description.contains("12345670"))
    }

    @Test("an instellingscode of digits that lost its leading zero gets the same advice")
    func institutionZeros() throws {
        var workbook = try Self.dutchWorkbook()
        workbook.sheets[0].rows[12][3] = .number("123")
        let (problems, _) = try Self.read(workbook)
        let problem = try #require(problems.first)
        #expect(problem.description.hasPrefix("kijkglas2-block.xlsx:D13: error: institution: expected an instellingscode of 4 letters or digits, found '123'"))
        #expect(problem.hint?.hasPrefix("the spreadsheet dropped leading zeros") == true)
    }

    @Test("the eleven test takes BSNs and refuses near misses",
        arguments: [(12_345_672, true), (12_345_670, false), (111_222_333, true), (100_000_017, false), (0, false)])
    func elevenTest(number: Int, valid: Bool) {
        #expect(FieldType.isBSN(number) == valid)
    }

    /// The block fixture as a Dutch spreadsheet saves it.
    static func dutchWorkbook() throws -> XLSXFile {
        try ExcelRoundTrip.workbook(fromCSV: try blockText(), locale: .dutch)
    }

    @Test("the table is found on any sheet: an explanation sheet in front of it is passed over")
    func tableOnSecondSheet() throws {
        var workbook = try Self.dutchWorkbook()
        workbook.sheets.insert(("Toelichting", [[.shared("Dit bestand bevat de inschrijvingen.")], [.shared("Zie het tweede blad.")]]), at: 0)
        let (problems, release) = try Self.read(workbook)
        #expect(problems.isEmpty, "\(problems)")
        #expect(release?.rows == ReleaseFileReaderTests.expectedRows)
    }

    @Test("two sheets with a table are an error naming both, and --sheet chooses one")
    func ambiguousSheets() throws {
        var workbook = try Self.dutchWorkbook()
        workbook.sheets[0].name = "April"
        workbook.sheets.append(("Maart", workbook.sheets[0].rows))
        let (problems, _) = try Self.read(workbook)
        #expect(problems.map(\.description) == [
            "kijkglas2-block.xlsx: error: expected one sheet with the table; found a table header on the sheets 'April', 'Maart'; "
                + "choose one by the sheet's name"
        ])
        let (chosen, release) = try Self.read(workbook, sheet: "Maart")
        #expect(chosen.isEmpty)
        #expect(release?.rows == ReleaseFileReaderTests.expectedRows)
        let (missing, _) = try Self.read(workbook, sheet: "Mei")
        #expect(missing.first?.description.contains("expected a sheet named 'Mei' (as the sheet's name); found the sheets 'April', 'Maart'") == true)
    }

    @Test("an empty sheet is reported as that sheet being empty, not the file")
    func emptySheet() throws {
        let (problems, _) = try Self.read(XLSXFile(sheets: [("Leeg", [])]))
        #expect(problems.first?.hint == "sheet 'Leeg' is empty")
    }

    @Test("the package relationships are followed: workbook elsewhere, part names in capitals or with backslashes",
        arguments: ["elsewhere", "capitals", "backslashes"])
    func packageVariants(variant: String) throws {
        var workbook = try Self.dutchWorkbook()
        switch variant {
        case "elsewhere": workbook.workbookPath = "spreadsheet/main/book.xml"
        case "capitals": workbook.spelling = .upperCase
        default: workbook.spelling = .backslashes
        }
        let (problems, release) = try Self.read(workbook)
        #expect(problems.isEmpty, "\(problems)")
        #expect(release?.rows == ReleaseFileReaderTests.expectedRows)
    }

    @Test("_xHHHH_ escapes are undone: a header with _x000D_ and a value with _x005F_ read as meant")
    func escapes() throws {
        var workbook = try Self.dutchWorkbook()
        let header = try #require(workbook.sheets[0].rows.firstIndex { row in
            row.contains { if case .shared("Begindatum") = $0 { true } else { false } }
        })
        workbook.sheets[0].rows[header][10] = .inline("Begin_x000D_datum")
        workbook.sheets[0].rows[header + 3][18] = .inline("Geen_x005F_x0020_TLV")
        let (problems, release) = try Self.read(workbook)
        #expect(problems.isEmpty, "\(problems)")
        #expect(release?.rows.last?.unfundedReason == "Geen_x0020_TLV")
        #expect(XLSXEscapes.decoded("a_x000D_b_x005F_c_xZZZZ_") == "a\rb_c_xZZZZ_")
    }

    @Test("double-encoded text in a workbook cell is refused naming the cell")
    func doubleEncodedCell() throws {
        let text = try Self.blockText([("Geen geldige TLV", "CoÃ¶peratie: geen geldige TLV")])
        let (problems, _) = try Self.read(try ExcelRoundTrip.workbook(fromCSV: text, locale: .dutch))
        #expect(problems.first?.description.hasPrefix("kijkglas2-block.xlsx:S13: error: expected text encoded once; found 'Ã¶' where 'ö' was meant") == true)
    }

    @Test("a cell right of the header gets workbook advice, not CSV quoting advice")
    func noCSVAdvice() throws {
        var workbook = try Self.dutchWorkbook()
        workbook.sheets[0].rows[11] += [.empty, .shared("los")]
        let (problems, _) = try Self.read(workbook)
        let problem = try #require(problems.first)
        #expect(problem.description.hasPrefix("kijkglas2-block.xlsx:X12: error: expected at most 22 fields"))
        #expect(problem.hint?.contains("quote") == false)
    }

    @Test("a legacy .xls, an encrypted workbook and an OpenDocument file are named as such with how to save them",
        arguments: ["legacy.xls", "encrypted.xlsx", "sheet.ods"])
    func otherFormats(name: String) throws {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        switch name {
        case "encrypted.xlsx": bytes += Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0, 0]
        case "sheet.ods": bytes = try XLSXFile.zip([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))])
        default: bytes += Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        }
        let path = try Fixture.write(bytes, as: name)
        defer { Fixture.remove(path) }
        let inspection = try ReleaseFileReader.builtIn().inspect(file: path)
        let text = inspection.problems.map(\.description).joined()
        #expect(inspection.format == "XLSX")
        switch name {
        case "legacy.xls": #expect(text.contains("an Excel 97–2003 workbook (.xls); open it in Excel or LibreOffice and save it as"))
        case "encrypted.xlsx": #expect(text.contains("a password-protected (encrypted) workbook"))
        default: #expect(text.contains("an OpenDocument spreadsheet (.ods); save it from LibreOffice as"))
        }
    }

    @Test("an English-locale workbook (date cells for days up to 12, text for the others) is refused naming the columns")
    func englishLocaleDates() throws {
        let workbook = try ExcelRoundTrip.workbook(fromCSV: try Self.blockText(), locale: .english)
        let (problems, release) = try Self.read(workbook)
        #expect(release == nil)
        let columns = problems.filter { $0.expected == "dates written one way: all date cells or all dd-mm-jjjj text" }
        #expect(Set(columns.compactMap(\.field)).isSuperset(of: ["enrolledFrom", "periodStart", "tlvFrom"]))
        let first = try #require(columns.first { $0.field == "periodStart" })
        #expect(first.description.hasPrefix("kijkglas2-block.xlsx:K11: error: periodStart: expected dates written one way"))
        #expect(first.hint?.contains("K11 is a date cell (read as 08-01-2021) while L11 is the text '31-01-2022'") == true)
        #expect(first.hint?.contains("Dutch locale") == true)
        let birth = try #require(columns.first { $0.field == "birthDate" })
        #expect(birth.hint?.contains("**-**-****") == true)
        #expect(!problems.map(\.description).joined().contains("2-5-2014"))
    }

    @Test("the same workbook saved in a Dutch locale, or with a typed text date beside date cells of days over 12, is read")
    func dutchLocaleDates() throws {
        var workbook = try ExcelRoundTrip.workbook(fromCSV: try Self.blockText(), locale: .dutch)
        #expect(try Self.read(workbook).problems.isEmpty)
        workbook.sheets[0].rows[10][10] = .shared("01-08-2021")
        workbook.sheets[0].rows[10][11] = .shared("31-01-2022")
        let (problems, release) = try Self.read(workbook)
        #expect(problems.isEmpty, "\(problems)")
        #expect(release?.rows == ReleaseFileReaderTests.expectedRows)
        // A date typed as text with a day over 12 beside date cells of any day is no swap.
        let serial = try ExcelRoundTrip.serial(of: "01-08-2021", locale: .dutch)
        workbook.sheets[0].rows[10][10] = .number(try #require(serial))
        workbook.sheets[0].rows[11][16] = .shared("31-07-2022")
        #expect(try Self.read(workbook).problems.isEmpty)
    }

    @Test("periods that end before they start, and would not with day and month swapped, are refused")
    func swappedPeriods() throws {
        let text = try Self.blockText([
            ("14-03-2008", "04-03-2008"), ("01-08-2021;31-01-2022", "05-01-2022;03-02-2022"), ("31-07-2022", "10-07-2022"),
            ("29-04-2022", "09-04-2022"),
        ])
        let (problems, _) = try Self.read(try ExcelRoundTrip.workbook(fromCSV: text, locale: .english))
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.field == "periodEnd")
        #expect(problem.hint?.hasPrefix("1 row(s) end before they start (pupil *******17: 2022-05-01 to 2022-03-02)") == true)
    }

    @Test("a block publication date after the file name's date, right when swapped, is refused")
    func swappedPublication() throws {
        let text = try Self.blockText([("29-04-2022", "07-01-2022")])
        let (problems, _) = try Self.read(
            try ExcelRoundTrip.workbook(fromCSV: text, locale: .english), as: "Kijkglas2_VO9901_2022-01-07.xlsx")
        let problem = try #require(problems.first { $0.field == "published" })
        #expect(problem.found == "2022-07-01")
        #expect(problem.hint?.contains("after the date in the file name") == true)
        #expect(problem.hint?.contains("2022-01-07 (day and month swapped) is not") == true)
    }

    @Test("a styled shared-string cell without a value is an empty cell, not a broken reference")
    func emptySharedStringCell() throws {
        var parts = try Self.dutchWorkbook().parts().map { ($0.path, Array($0.text.utf8)) }
        let sheet = try #require(parts.firstIndex { $0.0.hasSuffix("sheet1.xml") })
        var xml = String(decoding: parts[sheet].1, as: UTF8.self)
        xml = xml.replacingOccurrences(of: "</row>", with: #"<c r="Z1" s="3" t="s"/></row>"#, options: [], range: xml.range(of: "</row>"))
        parts[sheet].1 = Array(xml.utf8)
        let path = try Fixture.write(try XLSXFile.zip(parts), as: "empty-shared.xlsx")
        defer { Fixture.remove(path) }
        #expect(try ReleaseFileReader.builtIn().inspect(file: path).problems.isEmpty)
    }

    @Test("a text file named .xls (a tab-separated export) is still read as text")
    func textNamedXLS() throws {
        let text = try Self.blockText().replacingOccurrences(of: ";", with: "\t")
        let path = try Fixture.write(text, as: "kijkglas2-export.xls")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.rows == ReleaseFileReaderTests.expectedRows)
    }
}
