import Ledger

extension LedgerSession {
    /// The releases the ledger holds, their lifecycles and which rewrite the school year before.
    public func releases() throws(KijkglasError) -> ReleasesAnswer {
        try KijkglasError.mapping {
            let previousYear = try store.previousYearRewrites()
            let name = try pupilNames(previousYear.values.flatMap(\.pupils))
            return ReleasesAnswer(
                releases: try store.releases(), lifecycles: try store.lifecycles(), previousYear: previousYear.mapValues { $0.naming(name) })
        }
    }
}
