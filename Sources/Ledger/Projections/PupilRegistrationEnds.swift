/// When each pupil's registrations ended, as the ledger knows them now: what retention measures
/// from. A row ends on its period's end, else on its date of uitschrijving. A row with neither
/// has not ended, unless the ledger holds a release of a later school year of the same SWV: that
/// release states the later year in full (holding the pupil's later rows, or none), so the row
/// ended on the last day of its own school year.
public struct PupilRegistrationEnds: Sendable {
    /// Per pupil (as the rows name it) the day its last registration ended; nil when one has not
    /// ended.
    public let lastEnd: [PGN: Day?]

    /// The ends of the pupils in `scopes`: for each scope, the rows of the release that answers
    /// for it now (its latest release that is not withdrawn).
    public init(_ scopes: [(scope: Scope, rows: [Registration])]) {
        var lastYear: [String: SchoolYear] = [:]
        for (scope, _) in scopes {
            guard let year = scope.schoolYear else { continue }
            lastYear[scope.swv] = max(lastYear[scope.swv] ?? year, year)
        }
        var lastEnd: [PGN: Day?] = [:]
        for (scope, rows) in scopes {
            let yearEnd = scope.schoolYear.flatMap { year in (lastYear[scope.swv].map { $0 > year } ?? false) ? year.days.upperBound : nil }
            for row in rows {
                let end = row.periodEnd ?? row.enrolledUntil ?? yearEnd
                switch (lastEnd[row.pgn], end) {
                case (.none, _): lastEnd[row.pgn] = end
                case (.some(.some(let known)), .some(let end)): lastEnd[row.pgn] = max(known, end)
                case (.some(.some), .none): lastEnd[row.pgn] = .some(nil)
                case (.some(.none), _): break
                }
            }
        }
        self.lastEnd = lastEnd
    }

    /// The pupils whose last registration ended before `day`, each with that end.
    public func ended(before day: Day) -> [(pupil: PGN, end: Day)] {
        lastEnd.compactMap { pupil, end in end.flatMap { $0 < day ? (pupil, $0) : nil } }.sorted { $0.pupil < $1.pupil }
    }
}
