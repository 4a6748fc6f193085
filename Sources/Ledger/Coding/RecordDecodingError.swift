/// Stored bytes that do not decode: a corrupt or foreign record.
public struct RecordDecodingError: Error, Sendable, CustomStringConvertible {
    /// Offset in the record where decoding failed.
    public let offset: Int
    /// What the decoder expected there.
    public let expected: String

    /// The failure to decode `expected` at `offset`.
    public init(offset: Int, expected: String) {
        self.offset = offset
        self.expected = expected
    }

    public var description: String { "undecodable record: expected \(expected) at byte \(offset)" }
}
