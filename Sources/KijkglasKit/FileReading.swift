import Ingest
import Ledger

/// How to read DUO files: the layouts to match headers against, the sheet of a workbook and the
/// metadata that wins over the file's own.
public struct FileReading: Sendable {
    /// The layouts to match; nil is every built-in one (`Schemas/layouts/`).
    public var layouts: [Layout]?
    /// The sheet of a workbook to read; nil is the one whose header matches.
    public var sheet: String?
    /// Metadata that wins over the file's block and name.
    public var overrides: ReleaseMetadata

    /// Reading with `layouts` (nil: the built-in ones), `sheet` and `overrides`.
    public init(layouts: [Layout]? = nil, sheet: String? = nil, overrides: ReleaseMetadata = .init()) {
        self.layouts = layouts
        self.sheet = sheet
        self.overrides = overrides
    }

    /// What reading `file` finds, writing nothing: format, encoding, layout, metadata and where
    /// each item came from, the header mapping, the row count and every problem.
    public func inspect(file: String) throws(KijkglasError) -> FileInspection {
        try reader().inspect(file: file, overrides: overrides)
    }

    /// The reader; a built-in layout that does not read is bad data.
    func reader() throws(KijkglasError) -> ReleaseFileReader {
        var reader: ReleaseFileReader
        if let layouts {
            reader = ReleaseFileReader(layouts: layouts)
        } else {
            do {
                reader = try ReleaseFileReader.builtIn()
            } catch {
                throw KijkglasError(.badData, "\(String(describing: error))")
            }
        }
        reader.sheetName = sheet
        return reader
    }
}
