/// What the ledger knew on a day about one SWV: for each school year asked, the releases of that
/// SWV that answer the year's days (`KnownSchoolYear`).
///
/// A day is answered by its own school year's releases of the SWV alone; other school years'
/// and other SWVs' files neither add pupils to it nor change its rows.
public struct KnownState: Sendable {
    /// The day of knowledge; nil for today.
    public let knownAt: Day?
    /// The SWV whose releases answer.
    public let swv: String
    /// The answered school years, in order; a year asked without any answer is left out.
    public let schoolYears: [KnownSchoolYear]

    /// A state from its parts.
    public init(knownAt: Day?, swv: String, schoolYears: [KnownSchoolYear]) {
        self.knownAt = knownAt
        self.swv = swv
        self.schoolYears = schoolYears.sorted { $0.schoolYear < $1.schoolYear }
    }

    /// The answer for the school year of `day`; nil when none was known.
    public func schoolYear(of day: Day) -> KnownSchoolYear? {
        let year = SchoolYear(containing: day)
        return schoolYears.first { $0.schoolYear == year }
    }

    /// Whether some answering release speaks for `day`.
    public func covers(_ day: Day) -> Bool { schoolYear(of: day) != nil }

    /// The counting rows that answer `day`; nil when not covered.
    public func rows(on day: Day) -> CountingRowPool? { schoolYear(of: day)?.rows }

    /// The pupils counted on `day` from the rows that answer it, restricted to those whose TLV
    /// `payingSwv` issued when given; nil when not covered.
    public func counted(on day: Day, selection: CountedPupils.Selection, payingSwv: String?) -> CountedPupils? {
        rows(on: day).map { CountedPupils(rows: $0, on: day, selection: selection, payingSwv: payingSwv) }
    }

    /// Every answering release, by number.
    public var releases: [Release] {
        var seen: Set<ReleaseID> = []
        return schoolYears.flatMap(\.releases).filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// The school years answered from the year before.
    public var fallbacks: [KnownSchoolYear] { schoolYears.filter(\.isFallback) }
}
