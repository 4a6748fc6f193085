import Ledger

/// Reading the dates DUO's files hold: `dd-mm-jjjj` (DUO style), `d-m-jjjj` and `jjjj-mm-dd`;
/// `/` and `.` work as separators too.
public enum DateText {
    /// What a date cell should hold, for messages.
    public static let expectation = "a date dd-mm-jjjj (or jjjj-mm-dd)"

    /// The day `text` names, or nil when it is malformed or no real day (31-02-2021).
    public static func day(_ text: some StringProtocol) -> Day? {
        day(utf8: text.utf8)
    }

    /// The day an Excel serial number names in the 1900 date system (1 is 1 January 1900, and
    /// Excel counts a 29 February 1900 that never was), after adding `offset` days (1,462 for a
    /// serial of the 1904 system); a time of day after the point is ignored. Nil when `text` is
    /// no such number.
    static func day(excelSerial text: some Collection<UInt8>, offset: Int = 0) -> Day? {
        var serial = 0
        var digits = 0
        var fraction = false
        for byte in text {
            switch byte {
            case 0x30...0x39 where !fraction:
                guard digits < 6 else { return nil }
                serial = serial * 10 + Int(byte - 0x30)
                digits += 1
            case 0x30...0x39:
                continue
            case UInt8(ascii: "."):
                guard !fraction else { return nil }
                fraction = true
            default:
                return nil
            }
        }
        serial += offset
        guard digits > 0, serial > 0, let base = Day(year: 1899, month: 12, day: serial < 60 ? 31 : 30) else { return nil }
        return base.adding(days: serial)
    }

    /// The day the UTF-8 bytes `text` name, or nil when they are malformed or no real day.
    static func day(utf8 text: some Sequence<UInt8>) -> Day? {
        if let parts = text.withContiguousStorageIfAvailable(DateText.fixedWidthParts), let parts {
            return Day(year: parts.year, month: parts.month, day: parts.day)
        }
        var values = (0, 0, 0)
        var counts = (0, 0, 0)
        var part = 0
        var value = 0
        var count = 0
        func close() {
            switch part {
            case 0: (values.0, counts.0) = (value, count)
            case 1: (values.1, counts.1) = (value, count)
            default: (values.2, counts.2) = (value, count)
            }
        }
        for byte in text {
            switch byte {
            case 0x30...0x39:
                guard count < 4 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                count += 1
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                guard part < 2, count > 0 else { return nil }
                close()
                part += 1
                value = 0
                count = 0
            default:
                return nil
            }
        }
        guard part == 2, count > 0 else { return nil }
        close()
        if counts == (4, 2, 2) { return Day(year: values.0, month: values.1, day: values.2) }
        guard counts.2 == 4, (1...2).contains(counts.0), (1...2).contains(counts.1) else { return nil }
        return Day(year: values.2, month: values.1, day: values.0)
    }

    /// Year, month and day of the ten-byte shapes `dd-mm-jjjj` and `jjjj-mm-dd` (with any of
    /// the separators), read at their fixed places: the parts `day(utf8:)` finds in them, without
    /// its byte-by-byte walk. Nil for any other shape.
    private static func fixedWidthParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10 else { return nil }
        func isSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        if isSeparator(bytes[2]), isSeparator(bytes[5]), let day = number(0..<2), let month = number(3..<5),
            let year = number(6..<10)
        {
            return (year, month, day)
        }
        if isSeparator(bytes[4]), isSeparator(bytes[7]), let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10)
        {
            return (year, month, day)
        }
        return nil
    }
}
