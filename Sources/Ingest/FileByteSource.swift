import Foundation

/// A file's bytes, read in the chunks the parser asks for.
public struct FileByteSource: ByteSource {
    private let handle: FileHandle
    /// The file's size in bytes when it was opened.
    public let size: Int

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
    }

    /// Reads the next bytes of the file, as many as fit.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
        let data: Data?
        do {
            data = try handle.read(upToCount: buffer.count)
        } catch {
            throw CSVError(kind: .unreadable(error.localizedDescription), line: 0, column: 0)
        }
        guard let data, !data.isEmpty else { return 0 }
        return data.copyBytes(to: buffer)
    }
}
