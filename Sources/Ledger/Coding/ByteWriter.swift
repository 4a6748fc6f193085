/// Appends the compact binary encoding used for stored rows, releases and events:
/// LEB128 varints, zigzag for signed values, length-prefixed UTF-8 strings.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// One raw byte.
    public mutating func write(byte: UInt8) { bytes.append(byte) }

    /// Raw bytes, without a length.
    public mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    /// An unsigned LEB128 varint.
    public mutating func write(varint value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed value, zigzag-encoded as a varint.
    public mutating func write(signed value: Int64) {
        write(varint: UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A length-prefixed UTF-8 string.
    public mutating func write(string: String) {
        write(varint: UInt64(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// Forgets what was written, keeping the storage for the next record.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// A length-prefixed byte string.
    public mutating func write(blob: [UInt8]) {
        write(varint: UInt64(blob.count))
        bytes.append(contentsOf: blob)
    }

    /// A fixed-width big-endian UInt32.
    public mutating func write(bigEndian value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// A fixed-width big-endian UInt64.
    public mutating func write(bigEndian value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// A day as a zigzag varint.
    public mutating func write(day: Day) { write(signed: Int64(day.daysSinceEpoch)) }
}
