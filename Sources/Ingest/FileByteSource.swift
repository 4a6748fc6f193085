import Foundation

/// A file's bytes, or one stretch of them, read in the chunks the parser asks for.
public struct FileByteSource: ByteSource {
    private let handle: FileHandle
    /// The file's size in bytes when it was opened.
    public let size: Int
    /// Where the next read starts.
    private var position: Int
    /// Where the stretch ends: reading stops there as at the end of the file.
    private var end: Int

    /// Opens the file at `path` for reading.
    /// - Throws: `CSVError` of kind `.unreadable` when the file is missing or cannot be opened.
    public init(path: String) throws(CSVError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVError(kind: .unreadable("no such file"), line: 0, column: 0)
        }
        guard !isDirectory.boolValue else {
            throw CSVError(kind: .unreadable("it is a directory"), line: 0, column: 0)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError(kind: .unreadable("permission denied or unreadable"), line: 0, column: 0)
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        self.size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        self.position = 0
        self.end = Int.max
    }

    /// Opens the file at `path` for reading the bytes in `range` only.
    /// - Throws: `CSVError` of kind `.unreadable` when the file is missing or cannot be opened.
    init(path: String, range: Range<Int>) throws(CSVError) {
        self = try FileByteSource(path: path)
        position = range.lowerBound
        end = range.upperBound
    }

    /// Reads the next bytes of the file (or stretch), as many as fit, straight into `buffer`.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        let wanted = min(buffer.count, end - position)
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        while true {
            let count = pread(handle.fileDescriptor, base, wanted, off_t(position))
            if count >= 0 {
                position += count
                return count
            }
            guard errno == EINTR else {
                throw CSVError(kind: .unreadable(String(cString: strerror(errno))), line: 0, column: 0)
            }
        }
    }
}
