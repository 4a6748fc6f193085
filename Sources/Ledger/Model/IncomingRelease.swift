/// A file read and validated, ready to be recorded: what ingest hands to the ledger.
public struct IncomingRelease: Sendable {
    /// Product, SWV and period it covers.
    public var scope: Scope
    /// DUO's publication date.
    public var publishedOn: Day
    /// The file name it was read from.
    public var fileName: String
    /// SHA-256 of the file's bytes.
    public var fileSHA256: [UInt8]
    /// What it holds.
    public var content: ReleaseContent
    /// Its rows; identities are unique. Empty for stated figures.
    public var rows: [Registration]
    /// DUO's stated figures, for a figures release; empty otherwise.
    public var figures: [StatedFigure]
    /// Whether the file says DUO made it definitive: recorded as definitive on its publication date.
    public var isDefinitive: Bool

    /// An incoming release from its parts.
    public init(
        scope: Scope, publishedOn: Day, fileName: String, fileSHA256: [UInt8], content: ReleaseContent = .periods,
        rows: [Registration], figures: [StatedFigure] = [], isDefinitive: Bool = false
    ) {
        self.scope = scope
        self.publishedOn = publishedOn
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.content = content
        self.rows = rows
        self.figures = figures
        self.isDefinitive = isDefinitive
    }
}
