/// DUO files to record as releases, each diffed against the previous release of its scope.
public struct IngestRequest: Sendable, Equatable {
    /// The files, in any order.
    public var files: [String]
    /// Record a release even when it corrects or changes more rows than
    /// `Schemas/rules/mass-change.json` lets pass unasked.
    public var acceptMassChange: Bool

    /// The recording of `files`, a mass change refused unless `acceptMassChange`.
    public init(files: [String], acceptMassChange: Bool = false) {
        self.files = files
        self.acceptMassChange = acceptMassChange
    }
}
