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
        (lhs.pgn, lhs.institution, lhs.branch, lhs.periodStart)
            < (rhs.pgn, rhs.institution, rhs.branch, rhs.periodStart)
    }
}

extension RegistrationKey: CustomStringConvertible {
    /// Masked: `*******89 25GP/04 from 2021-08-01`.
    public var description: String {
        "\(pgn.masked) \(institution)/\(branch) from \(periodStart.iso)"
    }
}
