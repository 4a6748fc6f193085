/// A `ByteSource` that hands on its base's bytes as UTF-8: unchanged for a UTF-8 file, each
/// byte mapped to its character for a Windows-1252 file. No byte is dropped: the five bytes
/// 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+0081… as in Latin-1. A UTF-16
/// or UTF-32 file is transcoded whole on the first read (such files are Excel's "Unicode text"
/// saves of a sheet, small), its byte order mark dropped.
struct DecodingByteSource<Base: ByteSource>: ByteSource {
    /// The source of the file's own bytes.
    private(set) var base: Base
    /// How the base's bytes are encoded.
    let encoding: TextEncoding
    private var atStart = true
    /// A wide file transcoded to UTF-8, and how much of it was handed on.
    private var transcoded: ByteArraySource?

    /// A source decoding what `base` yields from `encoding`.
    init(base: Base, encoding: TextEncoding) {
        self.base = base
        self.encoding = encoding
    }

    /// Fills `buffer` with UTF-8: a third of it is read from the base into its end and then
    /// widened in place towards the front, so no second buffer is needed.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        if encoding.isWide {
            if transcoded == nil { transcoded = ByteArraySource(try transcodeWide()) }
            return try transcoded?.read(into: buffer) ?? 0
        }
        guard encoding == .windows1252 else { return try base.read(into: buffer) }
        let room = buffer.count / 3
        guard room > 0 else { return try base.read(into: buffer) }
        let tail = UnsafeMutableRawBufferPointer(rebasing: buffer[(buffer.count - room)...])
        var count = try base.read(into: tail)
        var first = buffer.count - room
        if atStart && count > 0 {
            atStart = false
            // A byte order mark ahead of 1252 text (a UTF-8 file with stray 1252 bytes) is no content.
            if count >= 3 && tail[0] == 0xEF && tail[1] == 0xBB && tail[2] == 0xBF {
                first += 3
                count -= 3
                if count == 0 { return try read(into: buffer) }
            }
        }
        var written = 0
        for index in first..<(first + count) {
            let byte = buffer[index]
            if byte < 0x80 {
                buffer[written] = byte
                written += 1
                continue
            }
            let scalar = byte < 0xA0 ? TextEncoding.windows1252Controls[Int(byte - 0x80)] : UInt16(byte)
            if scalar < 0x800 {
                buffer[written] = UInt8(0xC0 | (scalar >> 6))
                buffer[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                written += 2
            } else {
                buffer[written] = UInt8(0xE0 | (scalar >> 12))
                buffer[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                buffer[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                written += 3
            }
        }
        return written
    }

    /// The whole base, UTF-16 or UTF-32 as `encoding` says, as UTF-8 without the byte order mark.
    /// - Throws: `CSVError` of kind `.unreadable` naming the line of the first code unit that is
    ///   no character (an unpaired surrogate, a value past U+10FFFF, a cut-off unit).
    private mutating func transcodeWide() throws(CSVError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var base = self.base
            let count = try chunk.withUnsafeMutableBufferPointer { (raw) throws(CSVError) -> Int in
                try base.read(into: UnsafeMutableRawBufferPointer(raw))
            }
            self.base = base
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        let width = encoding == .utf16LittleEndian || encoding == .utf16BigEndian ? 2 : 4
        let bigEndian = encoding == .utf16BigEndian || encoding == .utf32BigEndian
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / width * 3 / 2)
        var line = 1
        func unit(at offset: Int) -> UInt32 {
            (0..<width).reduce(UInt32(0)) { value, index in
                value | UInt32(bytes[offset + (bigEndian ? width - 1 - index : index)]) << (8 * UInt32(index))
            }
        }
        func failure(_ what: String) -> CSVError {
            CSVError(
                kind: .unreadable("\(encoding.rawValue) text with \(what) on line \(line); save the file again as UTF-8 or UTF-16"),
                line: line, column: 0)
        }
        var offset = width
        while offset < bytes.count {
            guard offset + width <= bytes.count else { throw failure("a cut-off last character") }
            var value = unit(at: offset)
            offset += width
            if width == 2, (0xD800...0xDBFF).contains(value) {
                guard offset + 2 <= bytes.count, case let low = unit(at: offset), (0xDC00...0xDFFF).contains(low) else {
                    throw failure("an unpaired surrogate")
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                offset += 2
            }
            guard let scalar = Unicode.Scalar(value) else { throw failure("a code unit that is no character") }
            if scalar == "\n" { line += 1 }
            UTF8.encode(scalar) { output.append($0) }
        }
        return output
    }
}
