import Ledger

extension LedgerSession {
    /// The events between two releases, field by field, pupils named by PGN when the key is
    /// there; an unknown release is a usage failure.
    public func diff(_ request: DiffRequest) throws(KijkglasError) -> DiffAnswer {
        try KijkglasError.mapping {
            let diff = try store.diff(request.from, request.to)
            let previousYear = try store.previousYearRewrite(of: request.to)
            let name = try pupilNames(diff.pupils + (previousYear?.pupils ?? []))
            return DiffAnswer(diff: diff.naming(name), previousYear: previousYear?.naming(name))
        }
    }
}
