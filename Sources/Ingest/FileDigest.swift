import Crypto
import Dispatch

/// The SHA-256 of a file, computed on another thread while the caller reads the file itself.
final class FileDigest: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once on the hashing thread before `done` is left; read only after waiting on it.
    private var result: Result<[UInt8], CSVError> = .success([])

    /// Starts hashing the file at `path`.
    init(path: String) {
        done.enter()
        DispatchQueue.global().async { [self] in
            result = Result { () throws(CSVError) -> [UInt8] in
                var file = try FileByteSource(path: path)
                return try FileDigest.sha256(of: &file)
            }
            done.leave()
        }
    }

    /// The digest, once the whole file is hashed.
    /// - Throws: `CSVError` of kind `.unreadable` when the file could not be read.
    func value() throws(CSVError) -> [UInt8] {
        done.wait()
        return try result.get()
    }

    /// SHA-256 of the bytes `source` yields.
    static func sha256(of source: inout some ByteSource) throws(CSVError) -> [UInt8] {
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try source.read(into: buffer)
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return Array(hasher.finalize())
    }
}
