/// Reads what `ByteWriter` wrote; every read checks bounds and throws `RecordDecodingError`.
public struct ByteReader: Sendable {
    private let bytes: [UInt8]
    /// Offset of the next byte to read.
    public private(set) var offset: Int

    /// A reader at `offset` (the start by default) of `bytes`.
    public init(_ bytes: [UInt8], at offset: Int = 0) {
        self.bytes = bytes
        self.offset = min(max(offset, 0), bytes.count)
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// One raw byte.
    public mutating func readByte() throws(RecordDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw RecordDecodingError(offset: offset, expected: "a byte") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// `count` raw bytes.
    public mutating func readRaw(count: Int) throws(RecordDecodingError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else {
            throw RecordDecodingError(offset: offset, expected: "\(count) bytes")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// An unsigned LEB128 varint.
    public mutating func readVarint() throws(RecordDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw RecordDecodingError(offset: offset, expected: "a varint") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A zigzag-encoded signed varint.
    public mutating func readSigned() throws(RecordDecodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A varint that must fit in `Int` and be at most `limit`.
    public mutating func readCount(limit: Int = Int(Int32.max)) throws(RecordDecodingError) -> Int {
        let raw = try readVarint()
        guard raw <= UInt64(limit) else { throw RecordDecodingError(offset: offset, expected: "a count ≤ \(limit)") }
        return Int(raw)
    }

    /// A length-prefixed UTF-8 string.
    public mutating func readString() throws(RecordDecodingError) -> String {
        let count = try readCount()
        guard bytes.count - offset >= count else { throw RecordDecodingError(offset: offset, expected: "\(count) bytes") }
        let range = offset..<offset + count
        let text = bytes.withUnsafeBufferPointer { buffer -> String? in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[range])
            // ASCII is valid UTF-8: decode it without the (slower, generic) validation.
            return utf8.allSatisfy { $0 < 0x80 } ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
        }
        guard let text else { throw RecordDecodingError(offset: offset, expected: "UTF-8 text") }
        offset += count
        return text
    }

    /// A length-prefixed byte string.
    public mutating func readBlob() throws(RecordDecodingError) -> [UInt8] {
        try readRaw(count: try readCount())
    }

    /// A fixed-width big-endian UInt32.
    public mutating func readBigEndianUInt32() throws(RecordDecodingError) -> UInt32 {
        try readRaw(count: 4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A fixed-width big-endian UInt64.
    public mutating func readBigEndianUInt64() throws(RecordDecodingError) -> UInt64 {
        try readRaw(count: 8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A day written with `write(day:)`.
    public mutating func readDay() throws(RecordDecodingError) -> Day {
        let raw = try readSigned()
        guard let days = Int32(exactly: raw) else { throw RecordDecodingError(offset: offset, expected: "a day") }
        return Day(daysSinceEpoch: days)
    }
}
