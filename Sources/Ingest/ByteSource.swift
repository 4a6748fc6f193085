/// A producer of the raw bytes a `CSVReader` parses, pulled in large chunks.
///
/// A file today; the seam where a transcoder (Windows-1252 to UTF-8) or another container of
/// rows slots in later without the parser changing.
public protocol ByteSource {
    /// Fills the start of `buffer` with the next bytes and returns how many; 0 only at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int
}
