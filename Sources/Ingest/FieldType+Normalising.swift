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
        case .pgn: FieldType.pgn(cell).map(CellValue.pgn)
        case .swvCode, .institution, .branch, .tlvNumber, .text: text(of: cell).map(CellValue.text)
        case .date: DateText.day(utf8: cell).map(CellValue.day)
        case .schoolType: FieldType.schoolType(cell).map(CellValue.schoolType)
        case .category: FieldType.category(cell).map(CellValue.category)
        case .yesNo: FieldType.yesNo(cell).map(CellValue.yesNo)
        case .smallNumber: FieldType.smallNumber(cell, range: range).map(CellValue.number)
        case .statedCount: StatedText.count(cell).map(CellValue.stated)
        case .amount: StatedText.amount(cell).map(CellValue.stated)
        }
    }

    /// The canonical text of a trimmed, non-empty cell of a type whose values are text (SWV
    /// code, instellingscode, vestiging, TLV number, free text); nil when the cell is not of
    /// this type, or the type's values are not text.
    func text(of cell: UnsafeBufferPointer<UInt8>) -> String? {
        switch self {
        case .swvCode:
            return SWVCode.canonical(utf8: cell)
        case .institution:
            return ASCII.uppercasedAlphanumeric(cell, lengths: 4...4)
        case .branch:
            guard let branch = ASCII.uppercasedAlphanumeric(cell, lengths: 1...2) else { return nil }
            return cell.count == 1 ? "0" + branch : branch
        case .tlvNumber:
            return FieldType.tlvNumber(cell)
        case .text:
            return String(decoding: cell, as: UTF8.self)
        case .pgn, .date, .schoolType, .category, .yesNo, .smallNumber, .statedCount, .amount:
            return nil
        }
    }

    /// The pupil number in a cell of nine digits, or of one to eight digits that a spreadsheet
    /// made of a nine-digit number by dropping its leading zeros: padded back when the nine
    /// digits pass the BSN's eleven test. (An onderwijsnummer starts with `10`, so it never
    /// lost a zero; its own test, the same sum ≡ 5 mod 11, needs no padding.)
    static func pgn(_ cell: UnsafeBufferPointer<UInt8>) -> PGN? {
        guard (1...9).contains(cell.count), let digits = ASCII.number(cell) else { return nil }
        if cell.count < 9 && !isBSN(digits) { return nil }
        return PGN(value: UInt32(digits))
    }

    /// Whether the nine digits of `number` (leading zeros included) pass the BSN's eleven
    /// test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11.
    static func isBSN(_ number: Int) -> Bool {
        guard (1...999_999_999).contains(number) else { return false }
        var rest = number
        var sum = -(rest % 10)
        rest /= 10
        for weight in 2...9 {
            sum += weight * (rest % 10)
            rest /= 10
        }
        return sum % 11 == 0
    }

    /// The advice for a refused cell of this type that is only digits, fewer than the type's
    /// fixed width: the spreadsheet took it for a number and dropped its leading zeros.
    func droppedZerosHint(_ text: String) -> String? {
        let width: Int
        switch self {
        case .pgn: width = 9
        case .institution: width = 4
        default: return nil
        }
        guard !text.isEmpty, text.count < width, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "the spreadsheet dropped leading zeros; format the column as Text and type the numbers again, "
            + "or ingest the file as downloaded from Mijn DUO"
    }

    /// The school type a cell names.
    static func schoolType(_ cell: UnsafeBufferPointer<UInt8>) -> SchoolType? {
        schoolTypeWords.value(of: cell)
    }

    /// The funding category a cell names.
    static func category(_ cell: UnsafeBufferPointer<UInt8>) -> FundingCategory? {
        categoryWords.value(of: cell)
    }

    /// Yes (true) or no (false) as a cell says it.
    static func yesNo(_ cell: UnsafeBufferPointer<UInt8>) -> Bool? {
        yesNoWords.value(of: cell)
    }

    /// The number 0–255 in a cell of at most three digits, within `range` when there is one.
    static func smallNumber(_ cell: UnsafeBufferPointer<UInt8>, range: ClosedRange<Int>?) -> UInt8? {
        guard cell.count <= 3, let value = ASCII.number(cell), value <= 255, range.map({ $0.contains(value) }) ?? true
        else { return nil }
        return UInt8(value)
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
        let rest = UnsafeBufferPointer(rebasing: cell[first...])  // `-JJJJ-NNNNN`, as checked: kept as it is
        return String(unsafeUninitializedCapacity: swv.utf8.count + rest.count) { buffer in
            var offset = 0
            for byte in swv.utf8 {
                buffer[offset] = byte
                offset += 1
            }
            for byte in rest {
                buffer[offset] = byte
                offset += 1
            }
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
