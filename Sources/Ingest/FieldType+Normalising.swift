import Ledger

extension FieldType {
    /// What a cell of this type should hold, for messages; `range` bounds a small number.
    func expectation(range: ClosedRange<Int>?) -> String {
        switch self {
        case .pgn: "9 digits"
        case .swvCode: SWVCode.expectation
        case .date: DateText.expectation
        case .institution: "an instellingscode of 4 letters or digits"
        case .branch: "a vestiging of 1 or 2 digits"
        case .schoolType: "SO or VSO (or 1, 2)"
        case .category: "L, M or H (or Laag, Midden, Hoog, 1, 2, 3)"
        case .yesNo: "J or N (or Ja, Nee, 1, 0)"
        case .smallNumber: range.map { "a number from \($0.lowerBound) to \($0.upperBound)" } ?? "a number"
        case .tlvNumber: "a TLV number like VO2508-2021-00012"
        case .text: "text"
        case .statedCount: StatedText.countExpectation
        case .amount: StatedText.amountExpectation
        }
    }

    /// The canonical text of a trimmed, non-empty cell, or nil when the cell is not of this type.
    func canonicalText(_ text: String, range: ClosedRange<Int>?) -> String? {
        var text = text
        return text.withUTF8 { value(of: $0, range: range)?.canonicalText }
    }

    /// The typed value of a trimmed, non-empty cell's bytes, or nil when the cell is not of
    /// this type.
    func value(of cell: UnsafeBufferPointer<UInt8>, range: ClosedRange<Int>?) -> CellValue? {
        switch self {
        case .pgn:
            guard cell.count == 9, let digits = ASCII.number(cell), let pgn = PGN(value: UInt32(digits)) else { return nil }
            return .pgn(pgn)
        case .swvCode:
            return SWVCode.canonical(utf8: cell).map(CellValue.text)
        case .date:
            return DateText.day(utf8: cell).map(CellValue.day)
        case .institution:
            return ASCII.uppercasedAlphanumeric(cell, lengths: 4...4).map(CellValue.text)
        case .branch:
            guard let branch = ASCII.uppercasedAlphanumeric(cell, lengths: 1...2) else { return nil }
            return .text(cell.count == 1 ? "0" + branch : branch)
        case .schoolType:
            return FieldType.schoolTypeWords.value(of: cell).map(CellValue.schoolType)
        case .category:
            return FieldType.categoryWords.value(of: cell).map(CellValue.category)
        case .yesNo:
            return FieldType.yesNoWords.value(of: cell).map(CellValue.yesNo)
        case .smallNumber:
            guard cell.count <= 3, let value = ASCII.number(cell), value <= 255, range.map({ $0.contains(value) }) ?? true
            else { return nil }
            return .number(UInt8(value))
        case .tlvNumber:
            return FieldType.tlvNumber(cell).map(CellValue.text)
        case .text:
            return .text(String(decoding: cell, as: UTF8.self))
        case .statedCount:
            return StatedText.count(cell).map(CellValue.stated)
        case .amount:
            return StatedText.amount(cell).map(CellValue.stated)
        }
    }

    /// `SWVCODE-JJJJ-NNNNN` from a cell of three parts split by `-`: an SWV code, four digits
    /// and one to six digits.
    private static func tlvNumber(_ cell: UnsafeBufferPointer<UInt8>) -> String? {
        let dash = UInt8(ascii: "-")
        guard let first = cell.firstIndex(of: dash), let second = cell[(first + 1)...].firstIndex(of: dash),
            !cell[(second + 1)...].contains(dash), let swv = SWVCode.canonical(utf8: cell[..<first])
        else { return nil }
        let year = cell[(first + 1)..<second]
        let number = cell[(second + 1)...]
        guard year.count == 4, (1...6).contains(number.count), ASCII.isDigits(year), ASCII.isDigits(number) else { return nil }
        return String(unsafeUninitializedCapacity: swv.utf8.count + 2 + year.count + number.count) { buffer in
            var offset = 0
            func append(_ bytes: some Sequence<UInt8>) {
                for byte in bytes {
                    buffer[offset] = byte
                    offset += 1
                }
            }
            append(swv.utf8)
            append(CollectionOfOne(dash))
            append(year)
            append(CollectionOfOne(dash))
            append(number)
            return offset
        }
    }

    private static let schoolTypeWords = WordTable<SchoolType>(["so": .so, "1": .so, "vso": .vso, "2": .vso])
    private static let categoryWords = WordTable<FundingCategory>([
        "l": .low, "laag": .low, "1": .low, "m": .medium, "midden": .medium, "2": .medium,
        "h": .high, "hoog": .high, "3": .high,
    ])
    private static let yesNoWords = WordTable<Bool>([
        "j": true, "ja": true, "1": true, "true": true, "yes": true, "y": true,
        "n": false, "nee": false, "0": false, "false": false, "no": false,
    ])
}
