/// A `ByteSource` that hands on its base's bytes as UTF-8: unchanged for a UTF-8 file, each
/// byte mapped to its character for a Windows-1252 file. No byte is dropped: the five bytes
/// 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+0081… as in Latin-1.
struct DecodingByteSource<Base: ByteSource>: ByteSource {
    /// The source of the file's own bytes.
    private(set) var base: Base
    /// How the base's bytes are encoded.
    let encoding: TextEncoding
    private var atStart = true

    /// A source decoding what `base` yields from `encoding`.
    init(base: Base, encoding: TextEncoding) {
        self.base = base
        self.encoding = encoding
    }

    /// Fills `buffer` with UTF-8: a third of it is read from the base into its end and then
    /// widened in place towards the front, so no second buffer is needed.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
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
}
