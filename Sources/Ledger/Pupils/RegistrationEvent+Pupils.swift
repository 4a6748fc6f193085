extension RegistrationKey {
    /// The key with its pupil as `name` gives it.
    public func naming(_ name: (PGN) -> PGN) -> RegistrationKey {
        var named = self
        named.pgn = name(pgn)
        return named
    }
}

extension RegistrationEvent {
    /// The event with its pupil (its key's, an opened row's) as `name` gives it: a ledger's
    /// pupil number turned back into the PGN it stands for.
    public func naming(_ name: (PGN) -> PGN) -> RegistrationEvent {
        var named = self
        named.key = key.naming(name)
        if case .opened(var row) = change {
            row.pgn = name(row.pgn)
            named.change = .opened(row)
        }
        return named
    }

    /// `events` with their pupils as `name` gives them, in identity order again (stable, as the
    /// diff orders them).
    public static func naming(_ events: [RegistrationEvent], _ name: (PGN) -> PGN) -> [RegistrationEvent] {
        let named = events.map { $0.naming(name) }
        return named.indices.sorted { a, b in named[a].key == named[b].key ? a < b : named[a].key < named[b].key }.map { named[$0] }
    }
}

extension Event {
    /// The event with its pupil as `name` gives it; events that name no pupil unchanged.
    public func naming(_ name: (PGN) -> PGN) -> Event {
        guard case .registration(let event) = self else { return self }
        return .registration(event.naming(name))
    }
}
