/// The number of counted pupils on a day, optionally broken down.
///
/// Which pupils count is `CountedPupils`' business: the domain's counting rules, or every valid
/// row (the `--all` count). A pupil counts once, in the group of the row they are counted by.
public struct PupilCount: Sendable, Equatable {
    /// What to break a count down by.
    public enum Breakdown: String, Sendable, CaseIterable {
        /// Bekostigingscategorie L/M/H.
        case category
        /// Instellingscode/vestiging.
        case school
        /// SO / VSO.
        case schooltype
        /// Bekostigd or not (only `--all` counts unfunded rows).
        case funded
        /// The SWV that issued the TLV.
        case payingswv

        /// The group `pupil` falls in.
        public func label(of pupil: CountedPupils.Pupil) -> String {
            switch self {
            case .category: pupil.row.category?.rawValue ?? "-"
            case .school: "\(pupil.row.institution)/\(pupil.row.branch)"
            case .schooltype: pupil.row.schoolType.rawValue
            case .funded: pupil.row.funded ? "funded" : "not funded"
            case .payingswv: pupil.payingSwv ?? "-"
            }
        }
    }

    /// The day counted.
    public let day: Day
    /// The breakdown, if any.
    public let breakdown: Breakdown?
    /// Distinct pupils.
    public let total: Int
    /// Pupils per group label, sorted by label; empty without a breakdown.
    public let groups: [(label: String, count: Int)]

    /// Counts every row of `rows` valid on `day` (the `--all` count).
    public init(rows: CountingRowPool, on day: Day, by breakdown: Breakdown? = nil) {
        self.init(CountedPupils(rows: rows, on: day, selection: .everyValidRow), by: breakdown)
    }

    /// Counts `pupils`, broken down by `breakdown`.
    public init(_ pupils: CountedPupils, by breakdown: Breakdown? = nil) {
        self.day = pupils.day
        self.breakdown = breakdown
        self.total = pupils.count
        if let breakdown {
            let counts = pupils.tally(by: breakdown.label)
            groups = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        } else {
            groups = []
        }
    }

    /// A count from its parts.
    package init(day: Day, breakdown: Breakdown?, total: Int, groups: [(label: String, count: Int)]) {
        self.day = day
        self.breakdown = breakdown
        self.total = total
        self.groups = groups
    }

    public static func == (lhs: PupilCount, rhs: PupilCount) -> Bool {
        lhs.day == rhs.day && lhs.breakdown == rhs.breakdown && lhs.total == rhs.total
            && lhs.groups.map(\.label) == rhs.groups.map(\.label) && lhs.groups.map(\.count) == rhs.groups.map(\.count)
    }
}
