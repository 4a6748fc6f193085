import Ledger


extension LedgerStore {
    /// The registration events that turn release `a`'s rows into release `b`'s, classified
    /// against `a`'s publication date, from the stored rows of any two releases.
    public func diff(_ a: ReleaseID, _ b: ReleaseID) throws(LedgerError) -> ReleaseDiff {
        try read { transaction in
            let from = try release(storageKey: a.storageKey, in: transaction)
            let to = try release(storageKey: b.storageKey, in: transaction)
            let events = RegistrationDiff.changes(
                from: try rows(of: a, in: transaction), to: try rows(of: b, in: transaction),
                basePublished: from.publishedOn, published: to.publishedOn
            ).map {
                RegistrationEvent(release: b, base: a, classification: $0.classification, key: $0.key, change: $0.change)
            }
            return ReleaseDiff(from: from, to: to, events: events)
        }
    }
}
