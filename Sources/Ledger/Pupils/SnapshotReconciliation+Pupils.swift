extension SnapshotReconciliation {
    /// The pupils it names.
    public var pupils: [PGN] { differences.map(\.pgn) }

    /// The reconciliation with its pupils as `name` gives them, in pupil order again.
    public func naming(_ name: (PGN) -> PGN) -> SnapshotReconciliation {
        SnapshotReconciliation(
            day: day, settledCount: settledCount, countedCount: countedCount,
            differences: differences.map { (pgn: name($0.pgn), difference: $0.difference) }.sorted { $0.pgn < $1.pgn })
    }

    private init(day: Day, settledCount: Int, countedCount: Int, differences: [(pgn: PGN, difference: Difference)]) {
        self.day = day
        self.settledCount = settledCount
        self.countedCount = countedCount
        self.differences = differences
    }
}
