extension LedgerSession {
    /// The number of events in the log. Every change to the ledger (a release recorded, withdrawn
    /// or made definitive, by this process or another) appends events, so an answer computed at
    /// one count holds until the count changes; a subscriber's cursor is not part of the log.
    public func eventCount() throws(KijkglasError) -> UInt64 {
        try KijkglasError.mapping { try store.eventCount() }
    }
}
