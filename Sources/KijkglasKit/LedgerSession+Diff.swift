import Ledger

extension LedgerSession {
    /// The events between two releases, field by field; an unknown release is a usage failure.
    public func diff(_ request: DiffRequest) throws(KijkglasError) -> DiffAnswer {
        try KijkglasError.mapping {
            DiffAnswer(diff: try store.diff(request.from, request.to), previousYear: try store.previousYearRewrite(of: request.to))
        }
    }
}
