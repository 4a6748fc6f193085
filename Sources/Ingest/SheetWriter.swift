/// Turns a worksheet's XML tokens into `;`-separated CSV text, one line per sheet row (empty
/// lines for rows the sheet leaves out) and one field per column, every non-empty cell quoted.
struct SheetWriter {
    /// The CSV text so far.
    private(set) var output: [UInt8] = []
    private let sharedStrings: [String]
    private let limit: Int
    private var lines = 0
    private var startedRow = false
    private var column = 0
    private var cellColumn = 0
    private var inCell = false
    private var cellType = ""
    private var value = ""
    private var inValue = false
    private var inInline = false
    private var phonetic = 0

    /// A writer resolving shared-string cells from `sharedStrings`, its output at most `limit` bytes.
    init(sharedStrings: [String], limit: Int) {
        self.sharedStrings = sharedStrings
        self.limit = limit
    }

    /// Takes the next token of the sheet.
    /// - Throws: `XLSXError` for a shared-string index out of range or output over the limit.
    mutating func handle(_ event: XMLScanner.Event) throws(XLSXError) {
        switch event {
        case .start("row", let attributes, _):
            // Excel has at most 1,048,576 rows: a larger number is a hostile file, not a gap to fill.
            let number = min(attributes.first { $0.name == "r" }.flatMap { Int($0.value) } ?? (startedRow ? lines + 2 : 1), 1 << 20)
            if startedRow {
                output.append(ASCII.lineFeed)
                lines += 1
            }
            startedRow = true
            while lines + 1 < number {
                output.append(ASCII.lineFeed)
                lines += 1
            }
            try checkLimit()
            column = 0
        case .start("c", let attributes, let empty):
            let reference = attributes.first { $0.name == "r" }?.value
            cellColumn = max(reference.map(SheetWriter.columnNumber) ?? 0, column + 1)
            // Excel has at most 16,384 columns (A–XFD): a cell beyond is a hostile file, whose
            // empty cells would otherwise cost a separator per column skipped.
            guard cellColumn <= SheetWriter.maxColumns else {
                throw XLSXError(
                    expected: "cells within Excel's \(SheetWriter.maxColumns) columns (A–XFD)",
                    found: "cell '\(reference?.prefix(20) ?? "")' in row \(lines + 1)")
            }
            cellType = attributes.first { $0.name == "t" }?.value ?? "n"
            value = ""
            inCell = !empty
            if empty { try closeCell() }
        case .end("c") where inCell:
            // A closing tag without its opening one (a broken file) closes nothing.
            inCell = false
            try closeCell()
        case .start("v", _, let empty):
            inValue = !empty
        case .end("v"):
            inValue = false
        case .start("is", _, _):
            inInline = true
        case .end("is"):
            inInline = false
        case .start("rPh", _, let empty):
            if !empty { phonetic += 1 }
        case .end("rPh"):
            phonetic -= 1
        case .start("t", _, let empty) where inInline && phonetic == 0:
            inValue = !empty
        case .end("t") where inInline:
            inValue = false
        case .text(let raw) where inValue:
            value += XMLScanner.text(raw)
        default:
            break
        }
    }

    /// Writes the cell just read into its column.
    private mutating func closeCell() throws(XLSXError) {
        let text: String
        switch cellType {
        case "s" where value.isEmpty:
            // A styled cell typed as a shared string but without a value: empty.
            text = ""
        case "s":
            guard let index = Int(value), sharedStrings.indices.contains(index) else {
                throw XLSXError(
                    expected: "shared string references within the \(sharedStrings.count) shared strings",
                    found: "reference '\(value.prefix(20))' in row \(lines + 1)")
            }
            text = sharedStrings[index]
        case "n":
            text = SheetWriter.number(value)
        case "d":
            text = String(value.prefix { $0 != "T" })
        default:
            text = XLSXEscapes.decoded(value)
        }
        let separators = column == 0 ? cellColumn - 1 : cellColumn - column
        output.append(contentsOf: repeatElement(ASCII.semicolon, count: separators))
        column = cellColumn
        value = ""
        guard !text.isEmpty else { return try checkLimit() }
        output.append(ASCII.quote)
        for byte in text.utf8 {
            switch byte {
            case ASCII.quote: output += [ASCII.quote, ASCII.quote]
            case ASCII.lineFeed, ASCII.carriageReturn: output.append(0x20)
            default: output.append(byte)
            }
        }
        output.append(ASCII.quote)
        try checkLimit()
    }

    /// Throws once the output has outgrown the limit: every byte written is counted, line
    /// feeds for skipped rows and separators for skipped columns too.
    private func checkLimit() throws(XLSXError) {
        if output.count > limit {
            throw XLSXError(expected: "a worksheet of at most \(limit) bytes of text", found: "more, by row \(lines + 1)")
        }
    }

    /// A number as a cell shows it: whole numbers without a fraction or exponent.
    private static func number(_ text: String) -> String {
        guard text.contains(where: { $0 == "." || $0 == "E" || $0 == "e" }), let value = Double(text),
            value == value.rounded(), abs(value) < 1e15
        else { return text }
        return String(Int64(value))
    }

    /// Excel's last column, XFD.
    static let maxColumns = 16_384

    /// The column number (A is 1) of a cell reference like `AB12`; past `maxColumns` it stops
    /// counting, so any longer reference is just too far.
    private static func columnNumber(_ reference: String) -> Int {
        var number = 0
        for byte in reference.utf8 {
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"), number <= maxColumns else { break }
            number = number * 26 + Int(byte - UInt8(ascii: "A") + 1)
        }
        return number
    }
}
