/// One physical version of a DUO file as recorded in the ledger.
public struct Release: Hashable, Sendable {
    /// The ledger's number for it.
    public var id: ReleaseID
    /// Product, SWV and period it covers.
    public var scope: Scope
    /// DUO's publication date: the release's transaction time.
    public var publishedOn: Day
    /// The file name it was read from (without directories).
    public var fileName: String
    /// SHA-256 of the file's bytes.
    public var fileSHA256: [UInt8]
    /// Number of rows in the release.
    public var rowCount: Int
    /// The release of the same scope it was diffed against; nil for the first.
    public var base: ReleaseID?
    /// What it holds: registration periods, a settled snapshot or stated figures.
    public var content: ReleaseContent

    /// A release from its parts.
    public init(
        id: ReleaseID, scope: Scope, publishedOn: Day, fileName: String, fileSHA256: [UInt8],
        rowCount: Int, base: ReleaseID?, content: ReleaseContent = .periods
    ) {
        self.id = id
        self.scope = scope
        self.publishedOn = publishedOn
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.rowCount = rowCount
        self.base = base
        self.content = content
    }
}
