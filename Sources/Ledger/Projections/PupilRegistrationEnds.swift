/// When each pupil's registrations ended, as the ledger knows them now: what retention measures
/// from. Per scope, a pupil's rows are those of the latest release of the scope that holds the
/// pupil (withdrawn releases left out). A row ends on its period's end, else on its date of
/// uitschrijving. A row that a later release of its scope no longer holds ended, at the latest,
/// on that release's publication. A row with no end otherwise has not ended, unless the ledger
/// holds a release of a later school year of the same SWV: that release states the later year in
/// full (holding the pupil's later rows, or none), so the row ended on the last day of its own
/// school year.
public struct PupilRegistrationEnds: Sendable {
    /// One release of a scope: its publication and its rows.
    public typealias Version = (publishedOn: Day, rows: [Registration])

    /// Per pupil (as the rows name it) the day its last registration ended; nil when one has not
    /// ended.
    public let lastEnd: [PGN: Day?]

    /// The ends of the pupils in `scopes`, each with its releases that are not withdrawn, oldest
    /// first.
    public init(_ scopes: [(scope: Scope, versions: [Version])]) {
        var lastYear: [String: SchoolYear] = [:]
        for (scope, _) in scopes {
            guard let year = scope.schoolYear else { continue }
            lastYear[scope.swv] = max(lastYear[scope.swv] ?? year, year)
        }
        var lastEnd: [PGN: Day?] = [:]
        for (scope, versions) in scopes {
            let yearEnd = scope.schoolYear.flatMap { year in (lastYear[scope.swv].map { $0 > year } ?? false) ? year.days.upperBound : nil }
            // Newest first: the first version that holds a pupil states its rows; a newer one
            // that does not hold it (published on `droppedOn`) ended them.
            var stated: Set<PGN> = []
            var droppedOn: Day?
            for version in versions.reversed() {
                var here: Set<PGN> = []
                for row in version.rows where !stated.contains(row.pgn) {
                    here.insert(row.pgn)
                    var end = row.periodEnd ?? row.enrolledUntil ?? yearEnd
                    if let droppedOn { end = min(end ?? droppedOn, droppedOn) }
                    switch (lastEnd[row.pgn], end) {
                    case (.none, _): lastEnd[row.pgn] = end
                    case (.some(.some(let known)), .some(let end)): lastEnd[row.pgn] = max(known, end)
                    case (.some(.some), .none): lastEnd[row.pgn] = .some(nil)
                    case (.some(.none), _): break
                    }
                }
                stated.formUnion(here)
                droppedOn = version.publishedOn
            }
        }
        self.lastEnd = lastEnd
    }

    /// The pupils whose last registration ended before `day`, each with that end.
    public func ended(before day: Day) -> [(pupil: PGN, end: Day)] {
        lastEnd.compactMap { pupil, end in end.flatMap { $0 < day ? (pupil, $0) : nil } }.sorted { $0.pupil < $1.pupil }
    }
}
