import Ledger

extension LedgerSession {
    /// Hands `body` each event of the log that `request` admits, with its sequence number, in
    /// log order, at most `request.limit` of them; streamed, so a long log is never held whole.
    /// Pupils are named by PGN when the key is there; finding a pupil by PGN needs the key (by
    /// pupil number, `#17`, it does not).
    public func log(_ request: LogRequest, _ body: (UInt64, Event) -> Void) throws(KijkglasError) {
        var request = request
        if let pupil = request.pupil, !pupil.isPupilNumber {
            let key = try ledgerKey()
            guard let number = try KijkglasError.mapping({ try store.pupilNumber(of: pupil, key: key) }) else { return }
            request.pupil = number
        }
        let key = try revealingKey()
        var names: [PGN: PGN] = [:]
        var handed = 0
        try KijkglasError.mapping {
            try store.forEachEvent(from: request.since) { sequence, event in
                if let limit = request.limit, handed >= limit { return false }
                guard request.admits(event) else { return true }
                guard let key, case .registration(let registration) = event else {
                    body(sequence, event)
                    handed += 1
                    return true
                }
                let pupil = registration.key.pgn
                if names[pupil] == nil { names[pupil] = try store.identities(of: [pupil], key: key)[pupil] ?? pupil }
                body(sequence, event.naming { names[$0] ?? $0 })
                handed += 1
                return true
            }
        }
    }
}
