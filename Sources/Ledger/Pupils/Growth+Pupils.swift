extension Growth {
    /// The pupils its movements name.
    public var pupils: [PGN] { movements.map(\.pgn) }

    /// The growth with the pupils of its movements as `name` gives them, in pupil order again.
    public func naming(_ name: (PGN) -> PGN) -> Growth {
        Growth(
            before: before, after: after, lines: lines,
            movements: movements.map { PupilMovement(movement: $0.movement, pgn: name($0.pgn), before: $0.before, after: $0.after) }
                .sorted { $0.pgn < $1.pgn })
    }

    private init(before: CountedPupils, after: CountedPupils, lines: [Line], movements: [PupilMovement]) {
        self.before = before
        self.after = after
        self.lines = lines
        self.movements = movements
    }
}
