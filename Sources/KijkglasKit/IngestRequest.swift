/// DUO files to record as releases, each diffed against the previous release of its scope.
public struct IngestRequest: Sendable, Equatable {
    /// The files, in any order.
    public var files: [String]
    /// The file of the key that replaces every PGN by its pseudonym before anything is written;
    /// nil keeps the PGNs.
    public var pseudonymKeyFile: String?
    /// Record a release even when it corrects or changes more rows than
    /// `Schemas/rules/mass-change.json` lets pass unasked.
    public var acceptMassChange: Bool

    /// The recording of `files`, with PGNs pseudonymised by the key in `pseudonymKeyFile` if given,
    /// a mass change refused unless `acceptMassChange`.
    public init(files: [String], pseudonymKeyFile: String? = nil, acceptMassChange: Bool = false) {
        self.files = files
        self.pseudonymKeyFile = pseudonymKeyFile
        self.acceptMassChange = acceptMassChange
    }
}
