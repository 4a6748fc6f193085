/// How a text (CSV) file's bytes encode its characters, decided by reading the whole file once.
public enum TextEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte order mark.
    case utf8 = "UTF-8"
    /// UTF-8 that starts with a byte order mark.
    case utf8WithByteOrderMark = "UTF-8 with BOM"
    /// Windows-1252: the file is not valid UTF-8, so every byte is one character.
    case windows1252 = "Windows-1252"

    /// The encoding of the file at `path`: UTF-8 when every byte sequence is valid UTF-8,
    /// else Windows-1252 (a file with a single stray 1252 byte is 1252 throughout).
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
            if first.count < 3 { first += buffer[..<min(count, 3 - first.count)] }
            let valid = buffer.withUnsafeBufferPointer { validator.feed(UnsafeBufferPointer(rebasing: $0[..<count])) }
            if !valid { return .windows1252 }
        }
        guard validator.isComplete else { return .windows1252 }
        return first == [0xEF, 0xBB, 0xBF] ? .utf8WithByteOrderMark : .utf8
    }

    /// The characters of bytes 0x80–0x9F in Windows-1252; the undefined five map to themselves.
    static let windows1252Controls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
