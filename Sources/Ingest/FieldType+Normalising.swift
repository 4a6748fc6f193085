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
        }
    }

    /// The canonical text of a trimmed, non-empty cell, or nil when the cell is not of this type.
    func canonicalText(_ text: String, range: ClosedRange<Int>?) -> String? {
        switch self {
        case .pgn:
            return PGN(digits: text) == nil ? nil : text
        case .swvCode:
            return SWVCode.canonical(text)
        case .date:
            return DateText.day(text)?.iso
        case .institution:
            return text.uppercasedAlphanumeric(lengths: 4...4)
        case .branch:
            guard let branch = text.uppercasedAlphanumeric(lengths: 1...2) else { return nil }
            return branch.utf8.count == 1 ? "0" + branch : branch
        case .schoolType:
            return FieldType.schoolTypeWords[text.lowercased()]
        case .category:
            return FieldType.categoryWords[text.lowercased()]
        case .yesNo:
            return FieldType.yesNoWords[text.lowercased()]
        case .smallNumber:
            guard text.utf8.count <= 3, text.isASCIIDigits, let value = Int(text),
                value <= 255, range.map({ $0.contains(value) }) ?? true
            else { return nil }
            return String(value)
        case .tlvNumber:
            let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, let swv = SWVCode.canonical(parts[0]), parts[1].utf8.count == 4,
                (1...6).contains(parts[2].utf8.count), parts[1].isASCIIDigits, parts[2].isASCIIDigits
            else { return nil }
            return "\(swv)-\(parts[1])-\(parts[2])"
        case .text:
            return text
        }
    }

    private static let schoolTypeWords = ["so": "SO", "1": "SO", "vso": "VSO", "2": "VSO"]
    private static let categoryWords = [
        "l": "L", "laag": "L", "1": "L", "m": "M", "midden": "M", "2": "M", "h": "H", "hoog": "H", "3": "H",
    ]
    private static let yesNoWords = [
        "j": "J", "ja": "J", "1": "J", "true": "J", "yes": "J", "y": "J",
        "n": "N", "nee": "N", "0": "N", "false": "N", "no": "N",
    ]
}
