import Ledger

extension LedgerSession {
    /// Hands `body` each event of the log that `request` admits, with its sequence number, in
    /// log order, at most `request.limit` of them; streamed, so a long log is never held whole.
    public func log(_ request: LogRequest, _ body: (UInt64, Event) -> Void) throws(KijkglasError) {
        var handed = 0
        try KijkglasError.mapping {
            try store.forEachEvent(from: request.since) { sequence, event in
                if let limit = request.limit, handed >= limit { return false }
                guard request.admits(event) else { return true }
                body(sequence, event)
                handed += 1
                return true
            }
        }
    }
}
