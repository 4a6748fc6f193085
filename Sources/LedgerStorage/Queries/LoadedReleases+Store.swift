import Ledger

extension LoadedReleases {
    /// The releases of `store`.
    public init(store: LedgerStore) throws(LedgerError) {
        self.init(releases: try store.releases(), lifecycles: try store.lifecycles(), swv: nil)
    }

    /// The releases of `swv` in `store`, read through its scope index.
    public init(store: LedgerStore, swv: String) throws(LedgerError) {
        let loaded = try store.releasesWithLifecycles(ofSWV: swv)
        self.init(
            releases: loaded.map(\.release),
            lifecycles: Dictionary(uniqueKeysWithValues: loaded.map { ($0.release.id, $0.lifecycle) }), swv: swv)
    }
}
