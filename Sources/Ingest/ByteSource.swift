/// A producer of the raw bytes a `CSVReader` parses, pulled in large chunks.
///
/// A file (`FileByteSource`), a file decoded from Windows-1252 (`DecodingByteSource`) or an XLSX
/// sheet turned into CSV text (`XLSXSheetSource`): the parser does not know which.
public protocol ByteSource {
    /// Fills the start of `buffer` with the next bytes and returns how many; 0 only at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int
}
