/// The identity of a registration row: pupil, institution, vestiging and period start.
public struct RegistrationKey: Hashable, Comparable, Sendable {
    /// The pupil.
    public var pgn: PGN
    /// Instellingscode.
    public var institution: String
    /// Vestiging.
    public var branch: String
    /// First day of the row's period.
    public var periodStart: Day

    /// A key from its parts.
    public init(pgn: PGN, institution: String, branch: String, periodStart: Day) {
        self.pgn = pgn
        self.institution = institution
        self.branch = branch
        self.periodStart = periodStart
    }

    /// The key without its period start: rows with equal places may be one row whose start moved.
    public var place: Place { Place(pgn: pgn, institution: institution, branch: branch) }

    /// Pupil, institution and vestiging of a key.
    public struct Place: Hashable, Sendable {
        /// The pupil.
        public var pgn: PGN
        /// Instellingscode.
        public var institution: String
        /// Vestiging.
        public var branch: String
    }

    public static func < (lhs: RegistrationKey, rhs: RegistrationKey) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Orders keys by pupil, institution, branch and period start, field by field without
    /// copying them: negative, zero or positive.
    @inline(__always)
    package static func compare(_ lhs: borrowing RegistrationKey, _ rhs: borrowing RegistrationKey) -> Int {
        if lhs.pgn != rhs.pgn { return lhs.pgn < rhs.pgn ? -1 : 1 }
        if lhs.institution != rhs.institution { return lhs.institution < rhs.institution ? -1 : 1 }
        if lhs.branch != rhs.branch { return lhs.branch < rhs.branch ? -1 : 1 }
        if lhs.periodStart != rhs.periodStart { return lhs.periodStart < rhs.periodStart ? -1 : 1 }
        return 0
    }
}

extension RegistrationKey: CustomStringConvertible {
    /// Masked: `*******89 25GP/04 from 2021-08-01`.
    public var description: String {
        "\(pgn.masked) \(institution)/\(branch) from \(periodStart.iso)"
    }
}
