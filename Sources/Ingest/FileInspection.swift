import Ledger

/// What reading a file found, without recording anything: its format and encoding, the layout,
/// the metadata and where each item came from, how the header maps onto fields, how many rows
/// it holds and every problem (masked as in `InputProblem`).
public struct FileInspection: Sendable {
    /// Where a metadata item came from, in order of precedence.
    public enum Origin: String, Sendable, Equatable {
        /// A command-line flag.
        case flag
        /// The "Algemene gegevens" block before the table.
        case block
        /// The rows' own SWV column, all holding one code.
        case rows
        /// The file's name.
        case fileName = "file name"
    }

    /// One release metadata item with its value and origin.
    public struct MetadataItem: Sendable, Equatable {
        /// The item (`product`, `swv`, `swvName`, `schoolYear`, `referenceDate`, `published`).
        public var name: String
        /// Its value in canonical form.
        public var value: String
        /// Where it came from.
        public var origin: Origin
    }

    /// One column of the header and the field it feeds.
    public struct Column: Sendable, Equatable {
        /// The column number, from 1.
        public var number: Int
        /// The header as written.
        public var header: String
        /// The field (or combined column) it feeds; nil when the layout does not know it.
        public var field: String?
    }

    /// The file name.
    public var fileName: String
    /// `CSV` or `XLSX`, with the sheet read.
    public var format = "CSV"
    /// The text encoding of a CSV file; nil for XLSX or when unreadable.
    public var encoding: TextEncoding?
    /// The layout the header matched, nil when none did.
    public var layout: Layout?
    /// The header's line, 0 when none was found.
    public var headerLine = 0
    /// The metadata in effect, each item with its origin.
    public var metadata: [MetadataItem] = []
    /// The header's columns.
    public var columns: [Column] = []
    /// How many registration rows read without problems.
    public var rowCount = 0
    /// Every problem found, in line order.
    public var problems: [InputProblem] = []
    /// Whether the problems stopped at the limit.
    public var truncated = false

    /// An inspection of `fileName` that found nothing yet.
    init(fileName: String) {
        self.fileName = fileName
    }
}

extension FileInspection {
    /// Each item `metadata` knows, with the first of `sources` (in precedence order) that gave it.
    static func origins(of metadata: ReleaseMetadata, sources: [(Origin, ReleaseMetadata)]) -> [MetadataItem] {
        let items: [(String, (ReleaseMetadata) -> String?)] = [
            ("product", \.product), ("swv", \.swv), ("swvName", \.swvName), ("schoolYear", \.schoolYear),
            ("referenceDate", { $0.referenceDate?.iso }), ("published", { $0.published?.iso }),
            ("status", { $0.definitive.map { $0 ? "definitive" : "provisional" } }),
        ]
        return items.compactMap { name, value in
            guard let text = value(metadata), let origin = sources.first(where: { value($0.1) != nil })?.0 else { return nil }
            return MetadataItem(name: name, value: text, origin: origin)
        }
    }
}
