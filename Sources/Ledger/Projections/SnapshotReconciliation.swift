/// The pupils DUO settled on a teldatum (Kijkglas 1 part 2, Dashboard SWV 1b) against the
/// pupils the ledger counts that day as known at the same release: the pupils in one list
/// only, and those in both but in another cell (schoolsoort, category or school).
public struct SnapshotReconciliation: Sendable {
    /// How one pupil differs.
    public enum Difference: Sendable, Equatable {
        /// Settled by DUO, not counted by the ledger.
        case onlySettled(CountingRow)
        /// Counted by the ledger, not settled by DUO.
        case onlyCounted(CountingRow)
        /// In both, in another schoolsoort, category or school.
        case otherCell(settled: CountingRow, counted: CountingRow)
    }

    /// The teldatum.
    public let day: Day
    /// How many pupils DUO settled.
    public let settledCount: Int
    /// How many pupils the ledger counts.
    public let countedCount: Int
    /// The pupils that differ, by pupil.
    public let differences: [(pgn: PGN, difference: Difference)]

    /// Whether both lists hold the same pupils in the same cells.
    public var agrees: Bool { differences.isEmpty }

    /// Compares the funded rows of `settled` whose TLV `swv` issued (or that name no paying SWV)
    /// with `counted`, the ledger's pupils on the snapshot's teldatum.
    public init(settled: [Registration], swv: String, counted: CountedPupils) {
        var settledByPupil: [PGN: Registration] = [:]
        for row in settled where row.funded && (row.payingSwv ?? swv) == swv {
            if let seen = settledByPupil[row.pgn], !Registration.precedesInFull(row, seen) { continue }
            settledByPupil[row.pgn] = row
        }
        var differences: [(pgn: PGN, difference: Difference)] = []
        for pgn in Set(settledByPupil.keys).union(counted.pupils.map(\.pgn)).sorted() {
            switch (settledByPupil[pgn], counted.pupil(pgn)?.row) {
            case (let settled?, nil): differences.append((pgn, .onlySettled(CountingRow(settled))))
            case (nil, let counted?): differences.append((pgn, .onlyCounted(counted)))
            case (let settled?, let counted?):
                if (settled.schoolType, settled.category, settled.institution, settled.branch)
                    != (counted.schoolType, counted.category, counted.institution, counted.branch)
                {
                    differences.append((pgn, .otherCell(settled: CountingRow(settled), counted: counted)))
                }
            case (nil, nil): break
            }
        }
        day = counted.day
        settledCount = settledByPupil.count
        countedCount = counted.count
        self.differences = differences
    }
}
