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

    /// The built-in layouts (`Schemas/layouts/`); one that does not read is bad data.
    public static func builtInLayouts() throws(KijkglasError) -> [Layout] {
        do {
            return try Layout.builtIn()
        } catch {
            throw KijkglasError(.badData, "\(error.description)")
        }
    }

    /// The reader; a built-in layout that does not read is bad data.
    func reader() throws(KijkglasError) -> ReleaseFileReader {
        let chosen: [Layout]
        if let layouts { chosen = layouts } else { chosen = try Self.builtInLayouts() }
        var reader = ReleaseFileReader(layouts: chosen)
        reader.sheetName = sheet
        return reader
    }
}
