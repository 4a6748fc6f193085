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
            let upper = text.uppercased()
            return upper.count == 4 && upper.allSatisfy(\.isASCIIAlphanumeric) ? upper : nil
        case .branch:
            let upper = text.uppercased()
            guard (1...2).contains(upper.count), upper.allSatisfy(\.isASCIIAlphanumeric) else { return nil }
            return upper.count == 1 ? "0" + upper : upper
        case .schoolType:
            return FieldType.lookUp(text, in: ["so": "SO", "1": "SO", "vso": "VSO", "2": "VSO"])
        case .category:
            return FieldType.lookUp(text, in: [
                "l": "L", "laag": "L", "1": "L", "m": "M", "midden": "M", "2": "M", "h": "H", "hoog": "H", "3": "H",
            ])
        case .yesNo:
            return FieldType.lookUp(text, in: [
                "j": "J", "ja": "J", "1": "J", "true": "J", "yes": "J", "y": "J",
                "n": "N", "nee": "N", "0": "N", "false": "N", "no": "N",
            ])
        case .smallNumber:
            guard text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
                value <= 255, range.map({ $0.contains(value) }) ?? true
            else { return nil }
            return String(value)
        case .tlvNumber:
            let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, let swv = SWVCode.canonical(parts[0]), parts[1].count == 4,
                (1...6).contains(parts[2].count),
                parts.dropFirst().allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { return nil }
            return "\(swv)-\(parts[1])-\(parts[2])"
        case .text:
            return text
        }
    }

    private static func lookUp(_ text: String, in table: [String: String]) -> String? {
        table[text.lowercased()]
    }
}
