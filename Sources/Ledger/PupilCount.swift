/// Counts distinct pupils with a row valid on a day, optionally broken down.
///
/// This is the skeleton's count: every valid row counts (the domain's funding rules — TLV,
/// bekostigd, cluster, JJI — come with the projections). A pupil with several valid rows that
/// day is counted once, in the group of their first row by identity.
public struct PupilCount: Sendable, Equatable {
    /// What to break a count down by.
    public enum Breakdown: String, Sendable, CaseIterable {
        /// Bekostigingscategorie L/M/H.
        case category
        /// SO / VSO.
        case schooltype

        func label(of row: Registration) -> String {
            switch self {
            case .category: row.category?.rawValue ?? "-"
            case .schooltype: row.schoolType.rawValue
            }
        }
    }

    /// The day counted.
    public let day: Day
    /// Distinct pupils.
    public let total: Int
    /// Pupils per group label, sorted by label; empty without a breakdown.
    public let groups: [(label: String, count: Int)]

    /// Counts `rows` on `day`.
    public init(rows: some Sequence<Registration>, on day: Day, by breakdown: Breakdown? = nil) {
        var firstRow: [PGN: Registration] = [:]
        for row in rows where row.isValid(on: day) {
            if let seen = firstRow[row.pgn], seen.key < row.key { continue }
            firstRow[row.pgn] = row
        }
        self.day = day
        self.total = firstRow.count
        if let breakdown {
            let counts = Dictionary(grouping: firstRow.values, by: breakdown.label).mapValues(\.count)
            groups = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        } else {
            groups = []
        }
    }

    public static func == (lhs: PupilCount, rhs: PupilCount) -> Bool {
        lhs.day == rhs.day && lhs.total == rhs.total
            && lhs.groups.map(\.label) == rhs.groups.map(\.label) && lhs.groups.map(\.count) == rhs.groups.map(\.count)
    }
}
