/// How a text (CSV) file's bytes encode its characters, decided by reading the whole file once.
public enum TextEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte order mark.
    case utf8 = "UTF-8"
    /// UTF-8 that starts with a byte order mark.
    case utf8WithByteOrderMark = "UTF-8 with BOM"
    /// Windows-1252: the file is not valid UTF-8 and holds no multi-byte UTF-8 character at
    /// all, so every byte is one character.
    case windows1252 = "Windows-1252"
    /// UTF-16, little-endian, after its byte order mark (Excel's "Unicode text").
    case utf16LittleEndian = "UTF-16 LE with BOM"
    /// UTF-16, big-endian, after its byte order mark.
    case utf16BigEndian = "UTF-16 BE with BOM"
    /// UTF-32, little-endian, after its byte order mark.
    case utf32LittleEndian = "UTF-32 LE with BOM"
    /// UTF-32, big-endian, after its byte order mark.
    case utf32BigEndian = "UTF-32 BE with BOM"

    /// Whether the file's bytes are UTF-8 as they are (the CSV reader can read them directly).
    public var isUTF8: Bool { self == .utf8 || self == .utf8WithByteOrderMark }

    /// Whether each character takes two or four bytes: the file is transcoded to UTF-8 first.
    var isWide: Bool { !isUTF8 && self != .windows1252 }

    /// The encoding of the file at `path`.
    ///
    /// A UTF-16 or UTF-32 byte order mark decides. Otherwise the file is UTF-8 when it holds a
    /// byte order mark or any valid multi-byte UTF-8 character, even when some bytes are not
    /// UTF-8: the CSV reader then refuses the first bad byte by line and field, rather than
    /// turning every other accented character of the file into two wrong ones. Only a file
    /// with invalid bytes and no multi-byte UTF-8 character at all is Windows-1252. (Windows-1252
    /// text forms a valid UTF-8 character only where a capital from Â to ô is followed by a
    /// symbol from 0x80–0xBF, `Ã©` say, which names and DUO's values do not hold.)
    /// - Throws: `CSVError` of kind `.unreadable` when the file cannot be read.
    public static func detect(path: String) throws(CSVError) -> TextEncoding {
        var file = try FileByteSource(path: path)
        var validator = UTF8Validator()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var first: [UInt8] = []
        while true {
            let count = try buffer.withUnsafeMutableBufferPointer { (bytes) throws(CSVError) -> Int in
                try file.read(into: UnsafeMutableRawBufferPointer(bytes))
            }
            if count == 0 { break }
            if first.count < 4 {
                first += buffer[..<min(count, 4 - first.count)]
                if let wide = wideEncoding(first), first.count >= 4 || count < 4 { return wide }
            }
            buffer.withUnsafeBufferPointer { validator.scan(UnsafeBufferPointer(rebasing: $0[..<count])) }
            if validator.invalidBytes > 0 && validator.multiByteCharacters > 0 { break }
        }
        if let wide = wideEncoding(first) { return wide }
        let marked = first.starts(with: [0xEF, 0xBB, 0xBF])
        if (validator.invalidBytes > 0 || !validator.isComplete) && validator.multiByteCharacters == 0 && !marked {
            return .windows1252
        }
        return marked ? .utf8WithByteOrderMark : .utf8
    }

    /// The UTF-16 or UTF-32 encoding a byte order mark at the start of `bytes` names.
    private static func wideEncoding(_ bytes: [UInt8]) -> TextEncoding? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LittleEndian }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BigEndian }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return nil
    }

    /// The characters of bytes 0x80–0x9F in Windows-1252; the undefined five map to themselves.
    static let windows1252Controls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
