/// What `verify` found.
public struct VerifyReport: Sendable {
    /// One thing wrong, located by log sequence number or release where it has one.
    public struct Problem: Sendable, CustomStringConvertible {
        /// The log record at fault, if the problem is in the log.
        public var sequence: UInt64?
        /// The release at fault, if the problem is in a release.
        public var release: ReleaseID?
        /// What is wrong.
        public var message: String

        /// A problem described by `message`, at `sequence` or in `release` when known.
        public init(sequence: UInt64? = nil, release: ReleaseID? = nil, message: String) {
            self.sequence = sequence
            self.release = release
            self.message = message
        }

        public var description: String {
            if let sequence { return "record \(sequence): \(message)" }
            if let release { return "release \(release): \(message)" }
            return message
        }
    }

    /// Log records checked.
    public var recordsChecked: UInt64 = 0
    /// Releases whose rows and fold were checked.
    public var releasesChecked = 0
    /// Stored rows checked against their content address.
    public var rowsChecked = 0
    /// Everything wrong, the first log problem first.
    public var problems: [Problem] = []
    /// Pupils were erased since the ledger was last compacted: no problem, but its data file's
    /// freed pages may still hold their sealed identities until it is.
    public var compactionDue = false

    /// A report of nothing checked yet.
    public init() {}

    /// Whether nothing is wrong.
    public var isValid: Bool { problems.isEmpty }

    /// The sequence number of the first bad log record, if any.
    public var firstBadSequence: UInt64? { problems.compactMap(\.sequence).min() }
}
