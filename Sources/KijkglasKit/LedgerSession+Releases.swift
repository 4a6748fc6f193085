import Ledger

extension LedgerSession {
    /// The releases the ledger holds, their lifecycles and which rewrite the school year before.
    public func releases() throws(KijkglasError) -> ReleasesAnswer {
        try KijkglasError.mapping {
            ReleasesAnswer(releases: try store.releases(), lifecycles: try store.lifecycles(), previousYear: try store.previousYearRewrites())
        }
    }
}
