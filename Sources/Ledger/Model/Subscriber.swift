/// A durable cursor over the log for one consumer of change notifications: the last sequence
/// it acknowledged. Events after it are what the consumer has not confirmed yet, so a crash
/// between reading a digest and acknowledging it repeats events but never skips one.
public struct Subscriber: Hashable, Sendable {
    /// The name it was created under (letters, digits, `.`, `_`, `-`).
    public let name: String
    /// The last acknowledged sequence; 0 when nothing was acknowledged yet.
    public let acknowledged: UInt64

    /// A subscriber from its parts.
    public init(name: String, acknowledged: UInt64) {
        self.name = name
        self.acknowledged = acknowledged
    }

    /// The stored record format this code writes.
    package static let recordVersion: UInt8 = 1

    /// Whether `name` is usable: 1–64 ASCII letters, digits, `.`, `_` or `-`.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    /// `[version:1][acknowledged:8, big-endian]`.
    package var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.write(byte: Subscriber.recordVersion)
        writer.write(bigEndian: acknowledged)
        return writer.bytes
    }

    /// Reads a record written by `encoded`.
    package init(name: String, encoded bytes: [UInt8]) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        guard try reader.readByte() == Subscriber.recordVersion else {
            throw RecordDecodingError(offset: 0, expected: "subscriber record version \(Subscriber.recordVersion)")
        }
        self.init(name: name, acknowledged: try reader.readBigEndianUInt64())
    }
}
