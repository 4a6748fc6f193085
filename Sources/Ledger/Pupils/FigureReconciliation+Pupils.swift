extension FigureReconciliation {
    /// The pupils its candidates name.
    public var pupils: [PGN] { lines.flatMap { $0.candidates.map(\.pgn) } }

    /// The reconciliation with its candidates' pupils as `name` gives them, in (day, pupil)
    /// order again.
    public func naming(_ name: (PGN) -> PGN) -> FigureReconciliation {
        FigureReconciliation(
            lines: lines.map { line in
                var named = Line(
                    figure: line.figure, ledgerValue: line.ledgerValue, verdict: line.verdict,
                    candidates: line.candidates.map { Candidate(pgn: name($0.pgn), day: $0.day, reason: $0.reason) }
                        .sorted { ($0.day, $0.pgn) < ($1.day, $1.pgn) })
                named.days = line.days
                return named
            })
    }

    private init(lines: [Line]) {
        self.lines = lines
    }
}
