/// What the ledger knew, on one day, of one school year of one SWV: the releases that answer
/// the year's days and their counting rows.
///
/// A Kijkglas 2 / Dashboard SWV 2 release of school year Y is DUO's complete statement of the
/// registrations that overlap Y, so the days of Y are answered by Y's releases alone. Before
/// any release of Y is known, they are answered from the school year before (`answeredFrom`).
public struct KnownSchoolYear: Sendable {
    /// The school year whose days this answers.
    public let schoolYear: SchoolYear
    /// The school year whose releases answer: `schoolYear`, or the one before it while no
    /// release of `schoolYear` was known.
    public let answeredFrom: SchoolYear
    /// The answering releases, one per product.
    public let releases: [Release]
    /// Their counting rows, pooled.
    public let rows: CountingRowPool

    /// An answer from its parts.
    public init(schoolYear: SchoolYear, answeredFrom: SchoolYear, releases: [Release], rows: CountingRowPool) {
        self.schoolYear = schoolYear
        self.answeredFrom = answeredFrom
        self.releases = releases
        self.rows = rows
    }

    /// Whether the year is answered from the year before, for want of a release of its own.
    public var isFallback: Bool { answeredFrom != schoolYear }
}
