import Ledger

/// Reads the values of DUO's aggregate files: whole counts, counts suppressed as `<5`, and
/// euro amounts written the Dutch way (`€ 9.059,77`) or with a decimal point (`9059.77`).
enum StatedText {
    /// What a count cell should hold, for messages.
    static let countExpectation = "a whole number (or <5 for a suppressed count)"
    /// What an amount cell should hold, for messages.
    static let amountExpectation = "an amount in euros like 9.059,77 or 9059.77"

    /// A count: optional sign and up to nine digits, or `<` and a bound; nil otherwise.
    static func count(_ cell: UnsafeBufferPointer<UInt8>) -> StatedValue? {
        var bytes = cell[...]
        if bytes.first == UInt8(ascii: "<") {
            bytes = bytes.dropFirst().drop { $0 == ASCII.space }
            guard bytes.count <= 9, let bound = ASCII.number(bytes) else { return nil }
            return .fewerThan(bound)
        }
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard bytes.count <= 9, let value = ASCII.number(bytes) else { return nil }
        return .number(negative ? -value : value)
    }

    /// An amount: optional `€` and sign, digits with `.` thousands and a `,` decimal part, or
    /// a `.` decimal part of one or two digits when there is no comma; nil otherwise.
    static func amount(_ cell: UnsafeBufferPointer<UInt8>) -> StatedValue? {
        var bytes = Array(cell.filter { $0 != ASCII.space })
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        if bytes.starts(with: euro) { bytes.removeFirst(3) }
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        var whole: ArraySlice<UInt8>
        var fraction: ArraySlice<UInt8> = []
        if let decimal = bytes.firstIndex(of: comma) {
            whole = bytes[..<decimal]
            fraction = bytes[(decimal + 1)...]
        } else if let last = bytes.lastIndex(of: point), bytes.count(where: { $0 == point }) == 1, (1...2).contains(bytes.count - last - 1) {
            whole = bytes[..<last]
            fraction = bytes[(last + 1)...]
        } else {
            whole = bytes[...]
        }
        let groups = whole.split(separator: point, omittingEmptySubsequences: false)
        let digits = Array(groups.joined())
        guard let head = groups.first, !head.isEmpty, digits.count <= 12,
            groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.count == 1 || head.count <= 3,
            fraction.count <= 2, fraction.isEmpty || ASCII.isDigits(fraction), let euros = ASCII.number(digits)
        else { return nil }
        let cents = euros * 100 + (ASCII.number(fraction).map { fraction.count == 1 ? $0 * 10 : $0 } ?? 0)
        return .amount(Money(cents: negative ? -cents : cents))
    }
}
