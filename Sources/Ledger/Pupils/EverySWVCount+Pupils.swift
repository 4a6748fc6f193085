extension EverySWVCount {
    /// The pupils several SWVs count.
    public var pupils: [PGN] { sharedPupils.map(\.pgn) }

    /// The counts with the pupils several SWVs count as `name` gives them, in pupil order again.
    public func naming(_ name: (PGN) -> PGN) -> EverySWVCount {
        EverySWVCount(
            day: day, answers: answers, unanswered: unanswered, total: total,
            sharedPupils: sharedPupils.map { SharedPupil(pgn: name($0.pgn), counts: $0.counts) }.sorted { $0.pgn < $1.pgn })
    }

    private init(day: Day, answers: [Answer], unanswered: [String], total: PupilCount, sharedPupils: [SharedPupil]) {
        self.day = day
        self.answers = answers
        self.unanswered = unanswered
        self.total = total
        self.sharedPupils = sharedPupils
    }
}
