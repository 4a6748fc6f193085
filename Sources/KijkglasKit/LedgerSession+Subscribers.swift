import Ledger

extension LedgerSession {
    /// The digest of every event after a subscriber's cursor, the cursor left where it is; an
    /// unknown subscriber is a usage failure naming the known ones, unless the request creates it
    /// (which a session that reads refuses).
    public func digest(_ request: DigestRequest) throws(KijkglasError) -> DigestAnswer {
        let existing = try KijkglasError.mapping { try store.subscriber(named: request.subscriber) }
        if let existing { return DigestAnswer(digest: try named(try KijkglasError.mapping { try store.digest(for: existing) }), created: false) }
        guard request.create else {
            let known = try KijkglasError.mapping { try store.subscribers().map(\.name) }
            throw KijkglasError(
                .usage,
                """
                no subscriber '\(request.subscriber)' in \(directory); known: \(known.isEmpty ? "none" : known.joined(separator: ", ")); \
                \(KijkglasError.Term.createSubscriber)
                """)
        }
        let writable = try writableStore()
        let digest = try KijkglasError.mapping { try writable.digest(for: try writable.createSubscriber(named: request.subscriber)) }
        return DigestAnswer(digest: try named(digest), created: true)
    }

    /// `digest` with its pupils named by PGN when the key is there.
    private func named(_ digest: ChangeDigest) throws(KijkglasError) -> ChangeDigest {
        digest.naming(try pupilNames(digest.pupils))
    }

    /// Moves a subscriber's cursor to `sequence`, never backwards; refused in a session that
    /// reads, and as bad data for an unknown subscriber or a sequence past the log's end.
    @discardableResult
    public func acknowledge(_ subscriber: String, through sequence: UInt64) throws(KijkglasError) -> Subscriber {
        let store = try writableStore()
        return try KijkglasError.mapping { try store.acknowledge(subscriber, through: sequence) }
    }
}
