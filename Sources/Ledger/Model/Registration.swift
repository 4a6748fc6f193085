/// One row of an individual (v)so registration file: one period of one pupil's enrolment at
/// one vestiging with constant attributes (Kijkglas 2 / Dashboard SWV 2).
public struct Registration: Hashable, Sendable {
    /// SWV code of the file the row came from (`PO2707`, `VO2508`), when known.
    public var swv: String?
    /// The pupil.
    public var pgn: PGN
    /// Geboortedatum. Personal data.
    public var birthDate: Day?
    /// Instellingscode (formerly BRIN), four characters.
    public var institution: String
    /// Vestiging, two characters (`04`).
    public var branch: String
    /// SO or VSO.
    public var schoolType: SchoolType
    /// Cluster 1–4.
    public var cluster: UInt8?
    /// Soort verblijf 0–6.
    public var residence: UInt8?
    /// Datum inschrijving.
    public var enrolledFrom: Day
    /// Datum uitschrijving.
    public var enrolledUntil: Day?
    /// First day of this row's period.
    public var periodStart: Day
    /// Last day of this row's period, inclusive; nil when open.
    public var periodEnd: Day?
    /// TLV beschikkingsnummer `SWV-YYYY-NNNNN`.
    public var tlvNumber: String?
    /// The SWV that issued the TLV, and so pays.
    public var payingSwv: String?
    /// Bekostigingscategorie of the TLV.
    public var category: FundingCategory?
    /// Datum ingang TLV.
    public var tlvFrom: Day?
    /// Datum einde TLV.
    public var tlvUntil: Day?
    /// Bekostigd: whether DUO funds this registration.
    public var funded: Bool
    /// Reden niet bekostigd.
    public var unfundedReason: String?
    /// Instroom marker.
    public var inflow: Bool?
    /// Uitstroom marker.
    public var outflow: Bool?
    /// Doorstroom marker.
    public var transfer: Bool?

    /// A registration with the required fields; the optional ones start empty.
    public init(
        pgn: PGN, institution: String, branch: String, schoolType: SchoolType,
        enrolledFrom: Day, periodStart: Day, funded: Bool
    ) {
        self.pgn = pgn
        self.institution = institution
        self.branch = branch
        self.schoolType = schoolType
        self.enrolledFrom = enrolledFrom
        self.periodStart = periodStart
        self.funded = funded
    }

    /// The row identity: (pgn, institution, branch, periodStart).
    public var key: RegistrationKey {
        RegistrationKey(pgn: pgn, institution: institution, branch: branch, periodStart: periodStart)
    }

    /// Whether the row's period contains `day`.
    public func isValid(on day: Day) -> Bool {
        periodStart <= day && (periodEnd.map { day <= $0 } ?? true)
    }
}
