import Crypto

/// A `ByteSource` that hashes (SHA-256) every byte it passes on, so a file is read only once.
struct HashingByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private var hasher = SHA256()

    /// Hashes what `base` yields.
    init(base: Base) {
        self.base = base
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        let count = try base.read(into: buffer)
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        return count
    }

    /// SHA-256 of every byte read so far.
    var digest: [UInt8] { Array(hasher.finalize()) }
}
