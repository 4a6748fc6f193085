import Ledger

/// How a sheet's date cells were written, by column: as date cells (serial numbers) or as
/// `dd-mm-jjjj` text. A spreadsheet in an English locale opening DUO's CSV reads `07-01-2021`
/// as 1 July and keeps `13-01-2021` (no month 13) as text, so date cells (none with a day over
/// 12) next to text whose day is over 12, and no text whose day is 12 or less, mean the date
/// cells may be swapped.
struct DateShapes: Sendable {
    /// One cell, for messages.
    struct Example: Sendable {
        /// The cell's line (sheet row).
        var line: Int
        /// The cell's field number (sheet column).
        var column: Int
        /// The field of the column.
        var field: Registration.Field
        /// The cell's text as read.
        var text: String
        /// The day it was read as.
        var day: Day?
    }

    /// The date cells (serial numbers) seen.
    private(set) var dateCells = 0
    /// The date cells whose day of the month is over 12: a swap of `dd-mm-jjjj` never makes
    /// one, since the month it came from is at most 12.
    private(set) var dateCellsOver12 = 0
    /// The first date cell of each column.
    private(set) var firstDateCell: [Int: Example] = [:]
    /// The `dd-mm-jjjj` texts whose day is over 12.
    private(set) var textOver12 = 0
    /// The first of them in each column.
    private(set) var firstTextOver12: [Int: Example] = [:]
    /// The `dd-mm-jjjj` texts whose day is 12 or less.
    private(set) var textUpTo12 = 0

    /// Notes the trimmed date cell `cell` of `field`, at `line` and `column`, read as `day`.
    mutating func note(_ cell: UnsafeBufferPointer<UInt8>, field: Registration.Field, line: Int, column: Int, day: Day) {
        if cell.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }) {
            dateCells += 1
            if day.components.day > 12 { dateCellsOver12 += 1 }
            if firstDateCell[column] == nil {
                firstDateCell[column] = Example(
                    line: line, column: column, field: field, text: String(decoding: cell, as: UTF8.self), day: day)
            }
            return
        }
        // `d-m-jjjj` text: the day is the part before the first separator.
        guard let separator = cell.firstIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }),
            (1...2).contains(separator), cell.count >= 8, let first = ASCII.number(UnsafeBufferPointer(rebasing: cell[..<separator]))
        else { return }
        if first > 12 {
            textOver12 += 1
            if firstTextOver12[column] == nil {
                firstTextOver12[column] = Example(
                    line: line, column: column, field: field, text: String(decoding: cell, as: UTF8.self), day: day)
            }
        } else {
            textUpTo12 += 1
        }
    }

    /// Whether the dates look swapped: `dd-mm-jjjj` text only with a day over 12, at least three
    /// such texts (not a date or two typed as text), and date cells of which at most a third
    /// have a day over 12 (a swap makes none; only dates a spreadsheet reads the same in any
    /// locale, `2021-09-15`, do).
    var looksSwapped: Bool {
        dateCells > 0 && dateCellsOver12 * 3 <= dateCells && textOver12 >= 3 && textUpTo12 == 0
    }

    /// Reports every column with date cells, when the dates look swapped.
    func report(into problems: inout ProblemList) {
        guard looksSwapped else { return }
        for (column, cell) in firstDateCell.sorted(by: { $0.key < $1.key }) {
            let others = firstTextOver12.values.sorted { ($0.field == .birthDate ? 1 : 0, $0.column) < ($1.field == .birthDate ? 1 : 0, $1.column) }
            guard let text = firstTextOver12[column] ?? others.first else { continue }
            let masked = cell.field == .birthDate || text.field == .birthDate
            func show(_ day: Day?) -> String {
                guard let (year, month, day) = day?.components else { return "?" }
                let shown = String(format: "%02d-%02d-%04d", day, month, year)
                return masked ? String(shown.map { $0.isNumber ? "*" : $0 }) : shown
            }
            func place(_ example: Example) -> String { InputProblem.columnName(example.column) + "\(example.line)" }
            problems.add(
                line: cell.line, column: column, field: cell.field.rawValue,
                expected: "dates written one way: all date cells or all dd-mm-jjjj text", found: nil,
                hint: "\(place(cell)) is a date cell (read as \(show(cell.day))) while \(place(text)) is the text "
                    + "'\(masked ? String(text.text.map { $0.isNumber ? "*" : $0 }) : text.text)', and no dd-mm-jjjj text has a day of 12 or less: "
                    + "a spreadsheet in an English locale read the days up to 12 as months, so the date cells may be swapped; "
                    + "ingest the file as downloaded from Mijn DUO, or open the CSV with a Dutch locale or with the date columns as Text")
        }
    }
}
