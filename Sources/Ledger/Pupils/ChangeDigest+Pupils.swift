extension ChangeDigest {
    /// The pupils its events and previous-year rewrites name.
    public var pupils: [PGN] {
        sections.flatMap { section in
            section.entries.compactMap { entry -> PGN? in
                guard case .registration(let event) = entry.event else { return nil }
                return event.key.pgn
            } + (section.previousYear?.pupils ?? [])
        }
    }

    /// The digest with its pupils as `name` gives them; the events stay in log order.
    public func naming(_ name: (PGN) -> PGN) -> ChangeDigest {
        ChangeDigest(
            subscriber: subscriber, after: after, through: through,
            sections: sections.map { section in
                Section(
                    release: section.release, id: section.id,
                    entries: section.entries.map { Entry(sequence: $0.sequence, event: $0.event.naming(name)) },
                    previousYear: section.previousYear?.naming(name))
            })
    }

    private init(subscriber: String, after: UInt64, through: UInt64, sections: [Section]) {
        self.subscriber = subscriber
        self.after = after
        self.through = through
        self.sections = sections
    }
}
