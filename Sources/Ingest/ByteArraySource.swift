/// Bytes already in memory, handed out as a `ByteSource`.
public struct ByteArraySource: ByteSource, Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    /// A source that yields `bytes` and then ends.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies the next bytes, as many as fit.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
