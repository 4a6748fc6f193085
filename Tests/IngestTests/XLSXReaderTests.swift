import Foundation
import Ingest
import Ledger
import Testing

@Suite("Reading XLSX workbooks")
struct XLSXReaderTests {
    /// Excel's serial number of the day `text` (any date form DUO uses) names.
    static func serial(_ text: String) throws -> String {
        let parts = text.split(separator: "-").map { Int($0) ?? 0 }
        let day = try #require(parts[0] > 31 ? Day(year: parts[0], month: parts[1], day: parts[2]) : Day(year: parts[2], month: parts[1], day: parts[0]))
        let base = try #require(Day(year: 1899, month: 12, day: 30))
        return String(day.daysSinceEpoch - base.daysSinceEpoch)
    }

    /// The CSV fixture `name` as one sheet: strings shared or inline in turn, the pupil number
    /// a number, and every date (in the table and the block's dates) an Excel serial number.
    static func workbook(fromCSV name: String) throws -> XLSXFile {
        let lines = String(decoding: try Fixture.bytes(name), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var rows: [[XLSXFile.Cell]] = []
        var dateColumns: Set<Int> = []
        var pgnColumn: Int?
        for line in lines {
            let texts = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if texts.contains("Begindatum") {
                dateColumns = Set(texts.indices.filter { texts[$0].hasPrefix("Datum") || texts[$0].hasSuffix("datum") })
                pgnColumn = texts.firstIndex(of: "BSN/Onderwijsnummer")
                rows.append(texts.map { .shared($0) })
                continue
            }
            var cells: [XLSXFile.Cell] = []
            for (column, text) in texts.enumerated() {
                if text.isEmpty {
                    cells.append(.empty)
                } else if (dateColumns.contains(column) && pgnColumn != nil) || (column == 1 && ["Datum aanmaak", "Peildatum"].contains(texts[0])) {
                    cells.append(.number(try serial(text)))
                } else if column == pgnColumn {
                    cells.append(.number(text))
                } else {
                    cells.append(column % 2 == 0 ? .shared(text) : .inline(text))
                }
            }
            rows.append(cells)
        }
        return XLSXFile(sheets: [("Blad1", rows)])
    }

    @Test("a workbook made from the block fixture reads back the same release as the CSV")
    func sameAsCSV() throws {
        let path = try Fixture.write(try Self.workbook(fromCSV: "kijkglas2-block.csv").bytes(), as: "kijkglas2-block.xlsx")
        defer { Fixture.remove(path) }
        let reader = try ReleaseFileReader.builtIn()
        let csv = try reader.read(file: try Fixture.path("kijkglas2-block.csv"))
        let release = try reader.read(file: path)
        #expect(release.rows == ReleaseFileReaderTests.expectedRows)
        #expect(release.rows == csv.rows)
        #expect(release.scope == csv.scope)
        #expect(release.publishedOn == csv.publishedOn)
        #expect(release.fileSHA256 != csv.fileSHA256)
        let inspection = reader.inspect(file: path)
        #expect(inspection.format == "XLSX, sheet 'Blad1'")
        #expect(inspection.headerLine == 10)
    }

    @Test("a workbook that counts its days from 1904 reads its serial dates 1,462 days later")
    func date1904() throws {
        var workbook = try Self.workbook(fromCSV: "kijkglas2-block.csv")
        workbook.date1904 = true
        for row in workbook.sheets[0].rows.indices {
            for column in workbook.sheets[0].rows[row].indices {
                guard case .number(let text) = workbook.sheets[0].rows[row][column], let serial = Int(text), serial > 30_000, serial < 60_000
                else { continue }
                workbook.sheets[0].rows[row][column] = .number(String(serial - 1_462))
            }
        }
        let path = try Fixture.write(try workbook.bytes(), as: "kijkglas2-1904.xlsx")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.rows == ReleaseFileReaderTests.expectedRows)
        #expect(release.publishedOn == (try ReleaseFileReader.builtIn().read(file: try Fixture.path("kijkglas2-block.csv"))).publishedOn)
    }

    @Test("the sheet named like the block title is read, not the first")
    func namedSheet() throws {
        var workbook = try Self.workbook(fromCSV: "kijkglas2-block.csv")
        workbook.sheets.insert(("Toelichting", [[.shared("Dit blad is uitleg")]]), at: 0)
        workbook.sheets[1].name = "Individuele (v)so inschrijvingen"
        let path = try Fixture.write(try workbook.bytes(), as: "kijkglas2-two-sheets.xlsx")
        defer { Fixture.remove(path) }
        let release = try ReleaseFileReader.builtIn().read(file: path)
        #expect(release.rows == ReleaseFileReaderTests.expectedRows)
    }

    @Test("a problem in a sheet names its row and column")
    func problemLocation() throws {
        var workbook = try Self.workbook(fromCSV: "kijkglas2-block.csv")
        workbook.sheets[0].rows[10][10] = .inline("31-02-2021")
        let path = try Fixture.write(try workbook.bytes(), as: "bad-date.xlsx")
        defer { Fixture.remove(path) }
        let inspection = try ReleaseFileReader.builtIn().inspect(file: path)
        #expect(inspection.problems.map(\.description) == [
            "bad-date.xlsx:K11: error: periodStart: expected a date dd-mm-jjjj (or jjjj-mm-dd), found '31-02-2021'",
        ])
    }

    /// A broken workbook and the exact message it must give.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var message: String
        var testDescription: String { name }
    }

    static let broken: [Case] = [
        Case(name: "not-a-zip.xlsx", message: "not-a-zip.xlsx: error: expected an XLSX workbook (a ZIP archive); "
            + "found a file that is not a ZIP archive; save it from Excel as .xlsx, or as CSV"),
        Case(name: "truncated.xlsx", message: "truncated.xlsx: error: expected a complete XLSX workbook; "
            + "found a damaged or truncated ZIP archive (no readable central directory)"),
        Case(name: "bomb.xlsx", message: "bomb.xlsx: error: expected an XLSX workbook that inflates to at most 1 MiB; "
            + "found xl/worksheets/sheet1.xml inflates to more (a damaged file or a ZIP bomb)"),
        Case(name: "declared-bomb.xlsx", message: "declared-bomb.xlsx: error: expected an XLSX workbook that inflates to at most 1 MiB; "
            + "found xl/worksheets/sheet1.xml inflates to more (a damaged file or a ZIP bomb)"),
        Case(name: "far-columns.xlsx", message: "far-columns.xlsx: error: expected cells within Excel's 16384 columns (A–XFD); "
            + "found cell 'XFE1000' in row 1000"),
        Case(name: "wide-rows.xlsx", message: "wide-rows.xlsx: error: expected a worksheet of at most 1048576 bytes of text; found more, by row 1063"),
        Case(name: "lying-bomb.xlsx", message: "lying-bomb.xlsx: error: expected an XLSX workbook that inflates to at most 1 MiB; "
            + "found xl/worksheets/sheet1.xml inflates to more (a damaged file or a ZIP bomb)"),
    ]

    /// The bytes of broken workbook `name`.
    static func brokenBytes(_ name: String) throws -> [UInt8] {
        let good = try workbook(fromCSV: "kijkglas2-block.csv")
        switch name {
        case "not-a-zip.xlsx":
            return try Fixture.bytes("kijkglas2-block.csv")
        case "truncated.xlsx":
            let bytes = try good.bytes()
            return Array(bytes.prefix(bytes.count / 2))
        case "far-columns.xlsx":
            // Empty cells far to the right: without the column limit each row cost 27 MB of separators.
            var far = good
            far.padding = (1000...1040).map { #"<row r="\#($0)"><c r="XFE\#($0)"/></row>"# }.joined()
            return try far.bytes()
        case "wide-rows.xlsx":
            // Empty cells in the last column, row after row: every separator counts against the limit.
            var wide = good
            wide.padding = (1000...1200).map { #"<row r="\#($0)"><c r="XFD\#($0)"/></row>"# }.joined()
            return try wide.bytes()
        case "bomb.xlsx":
            var bomb = good
            bomb.padding = String(repeating: " ", count: 3 << 20)
            return try bomb.bytes()
        default:
            // A small entry whose central directory declares 3.75 GiB, or a large one declaring 4 KiB.
            var lying = good
            if name == "lying-bomb.xlsx" { lying.padding = String(repeating: " ", count: 3 << 20) }
            var bytes = try lying.bytes()
            let entry = Array("xl/worksheets/sheet1.xml".utf8)
            let header: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
            let start = try #require(bytes.indices.first { index in
                bytes[index...].starts(with: header) && bytes[(index + 46)...].starts(with: entry)
            })
            let declared: [UInt8] = name == "lying-bomb.xlsx" ? [0x00, 0x10, 0x00, 0x00] : [0x00, 0x00, 0x00, 0xF0]
            bytes.replaceSubrange((start + 24)..<(start + 28), with: declared)
            return bytes
        }
    }

    @Test("a broken or hostile workbook is one clear problem, not a crash", arguments: broken)
    func brokenWorkbook(testCase: Case) throws {
        let path = try Fixture.write(try Self.brokenBytes(testCase.name), as: testCase.name)
        defer { Fixture.remove(path) }
        var reader = try ReleaseFileReader.builtIn()
        reader.xlsxLimits = XLSXLimits(maxUncompressedBytes: 1 << 20)
        #expect(throws: InputError.self) { try reader.read(file: path) }
        #expect(reader.inspect(file: path).problems.map(\.description) == [testCase.message])
    }

    @Test("a workbook with more entries than the limit is refused before anything inflates")
    func tooManyEntries() throws {
        let path = try Fixture.write(try Self.workbook(fromCSV: "kijkglas2-block.csv").bytes(), as: "many.xlsx")
        defer { Fixture.remove(path) }
        var reader = try ReleaseFileReader.builtIn()
        reader.xlsxLimits = XLSXLimits(maxEntries: 3)
        #expect(reader.inspect(file: path).problems.map(\.description) == [
            "many.xlsx: error: expected an XLSX workbook of at most 3 ZIP entries; found more entries than that",
        ])
    }
}
