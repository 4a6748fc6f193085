extension PreviousYearRewrite {
    /// The pupils it names.
    public var pupils: [PGN] { registrations.map(\.key.pgn) }

    /// The rewrite with its pupils as `name` gives them, in identity order again.
    public func naming(_ name: (PGN) -> PGN) -> PreviousYearRewrite {
        PreviousYearRewrite(
            release: release, previous: previous, yearStart: yearStart,
            registrations: registrations.map { Rewritten(key: $0.key.naming(name), difference: $0.difference) }.sorted { $0.key < $1.key })
    }

    private init(release: ReleaseID, previous: ReleaseID, yearStart: Day, registrations: [Rewritten]) {
        self.release = release
        self.previous = previous
        self.yearStart = yearStart
        self.registrations = registrations
    }
}
