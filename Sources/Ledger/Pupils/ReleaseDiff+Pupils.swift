extension ReleaseDiff {
    /// The pupils its events name.
    public var pupils: [PGN] { events.map(\.key.pgn) }

    /// The diff with its pupils as `name` gives them, events in identity order again.
    public func naming(_ name: (PGN) -> PGN) -> ReleaseDiff {
        ReleaseDiff(from: from, to: to, events: RegistrationEvent.naming(events, name))
    }
}
