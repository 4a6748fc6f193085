import Foundation
import Ledger
import Testing

/// What a spreadsheet program does to a DUO file on its way through it, written out as the
/// program would: the damaged variants the readers must read right or refuse.
enum ExcelRoundTrip {
    /// How a cell of a CSV line is typed when a spreadsheet opens it.
    enum Locale {
        /// Dutch: `dd-mm-jjjj` becomes the date it names.
        case dutch
        /// English: `dd-mm-jjjj` is read as `mm-dd-jjjj`; a day over 12 is no month, so the
        /// cell stays text.
        case english
    }

    /// The CSV `text` (`;`-separated) opened in a spreadsheet of `locale` and saved as one
    /// sheet: dates become serial-number cells as the locale reads them, cells of digits become
    /// numbers (losing their leading zeros), the rest shared strings.
    static func workbook(fromCSV text: String, locale: Locale, sheet: String = "Blad1") throws -> XLSXFile {
        var rows: [[XLSXFile.Cell]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var cells: [XLSXFile.Cell] = []
            for field in line.split(separator: ";", omittingEmptySubsequences: false).map(String.init) {
                if field.isEmpty {
                    cells.append(.empty)
                } else if let serial = try serial(of: field, locale: locale) {
                    cells.append(.number(serial))
                } else if field.allSatisfy(\.isNumber), field.count < 16 {
                    cells.append(.number(String(Int(field) ?? 0)))
                } else {
                    cells.append(.shared(field))
                }
            }
            rows.append(cells)
        }
        return XLSXFile(sheets: [(sheet, rows)])
    }

    /// Excel's serial number of the date a spreadsheet of `locale` sees in `text`; nil when it
    /// sees no date (text stays text).
    static func serial(of text: String, locale: Locale) throws -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let a = Int(parts[0]), let b = Int(parts[1]),
            let c = Int(parts[2])
        else { return nil }
        let day: Day?
        if parts[0].count == 4 {
            day = Day(year: a, month: b, day: c)
        } else {
            day = locale == .dutch ? Day(year: c, month: b, day: a) : Day(year: c, month: a, day: b)
        }
        guard let day, let base = Day(year: 1899, month: 12, day: 30) else { return nil }
        return String(day.daysSinceEpoch - base.daysSinceEpoch)
    }

    /// `text` encoded as UTF-8, read back as Windows-1252 and saved as UTF-8 again: `ö`
    /// becomes `Ã¶`.
    static func doubleEncoded(_ text: String) throws -> String {
        try #require(String(data: Data(text.utf8), encoding: .windowsCP1252))
    }

    /// `text` saved as Excel's "Unicode text": UTF-16 with a byte order mark, its `;`
    /// separators replaced by `separator`.
    static func utf16(_ text: String, bigEndian: Bool, separator: Character = ";") -> [UInt8] {
        let units = Array(text.replacingOccurrences(of: ";", with: String(separator)).utf16)
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        return bom + units.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// `text` as UTF-32 with a byte order mark.
    static func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
        let bom: [UInt8] = bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0]
        return bom + text.unicodeScalars.flatMap { scalar in
            let bytes = (0..<4).map { UInt8((scalar.value >> (8 * UInt32($0))) & 0xFF) }
            return bigEndian ? Array(bytes.reversed()) : bytes
        }
    }
}
