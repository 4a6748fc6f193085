import Ledger

extension LedgerSession {
    /// Records that DUO withdrew a release; refused in a session that reads, for an unknown
    /// release (usage) and for a day the ledger rejects (bad data).
    public func withdraw(_ request: WithdrawRequest) throws(KijkglasError) {
        let store = try writableStore()
        try KijkglasError.mapping { try store.withdraw(request.release, on: request.on, reason: request.reason) }
    }

    /// Records that DUO made a release definitive; refused as `withdraw` is.
    public func markDefinitive(_ request: DefinitiveRequest) throws(KijkglasError) {
        let store = try writableStore()
        try KijkglasError.mapping { try store.markDefinitive(request.release, on: request.on) }
    }
}
