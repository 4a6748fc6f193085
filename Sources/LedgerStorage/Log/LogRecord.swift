import Ledger
import Crypto

/// The stored form of one log entry: `[format version:1][CRC32C of payload:4, big-endian]
/// [chain:32][payload]`, where chain = SHA-256(previous chain ‖ sequence ‖ version ‖ payload)
/// and the first record chains over 32 zero bytes. LMDB 0.9 checks nothing itself; the CRC finds
/// a damaged record, the chain a record removed, reordered or rewritten.
public struct LogRecord: Sendable, Equatable {
    /// The record format this code writes.
    public static let currentVersion: UInt8 = 1
    /// Bytes before the payload.
    public static let headerSize = 1 + 4 + 32
    /// The chain value before the first record.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// Record format version.
    public var version: UInt8
    /// CRC32C stored with the payload.
    public var checksum: UInt32
    /// Chain hash stored with the record.
    public var chain: [UInt8]
    /// The encoded event.
    public var payload: [UInt8]

    /// A new record for `payload` at `sequence`, chained onto `previousChain`.
    public init(sequence: UInt64, payload: [UInt8], previousChain: [UInt8]) {
        self.version = LogRecord.currentVersion
        self.checksum = CRC32C.checksum(payload)
        self.payload = payload
        self.chain = LogRecord.chain(previous: previousChain, sequence: sequence, version: version, payload: payload)
    }

    /// Splits stored bytes into header and payload without checking them.
    public init(stored bytes: [UInt8]) throws(RecordDecodingError) {
        guard bytes.count >= LogRecord.headerSize else {
            throw RecordDecodingError(offset: bytes.count, expected: "a \(LogRecord.headerSize)-byte record header")
        }
        version = bytes[0]
        checksum = bytes[1..<5].reduce(0) { $0 << 8 | UInt32($1) }
        chain = Array(bytes[5..<37])
        payload = Array(bytes[37...])
    }

    /// A reader at the payload of stored bytes, without copying it out.
    static func payloadReader(stored bytes: [UInt8]) throws(RecordDecodingError) -> ByteReader {
        guard bytes.count >= LogRecord.headerSize else {
            throw RecordDecodingError(offset: bytes.count, expected: "a \(LogRecord.headerSize)-byte record header")
        }
        return ByteReader(bytes, at: LogRecord.headerSize)
    }

    /// The bytes to store.
    public var stored: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(LogRecord.headerSize + payload.count)
        bytes.append(version)
        withUnsafeBytes(of: checksum.bigEndian) { bytes += $0 }
        bytes += chain
        bytes += payload
        return bytes
    }

    /// The chain hash of a record.
    public static func chain(previous: [UInt8], sequence: UInt64, version: UInt8, payload: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        withUnsafeBytes(of: sequence.bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: version) { hasher.update(bufferPointer: $0) }
        hasher.update(data: payload)
        return Array(hasher.finalize())
    }

    /// The big-endian key of a sequence number.
    public static func key(_ sequence: UInt64) -> [UInt8] {
        withUnsafeBytes(of: sequence.bigEndian) { Array($0) }
    }
}
