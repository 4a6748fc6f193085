import Ledger

/// A ledger opened to answer questions: one method per question, each taking a request value and
/// returning a result value that carries what a renderer needs; every failure is a
/// `KijkglasError`.
///
/// Opens the ledger read-only and holds it open until released; LMDB allows one open environment
/// per directory and process, so do not open a second session, or a writing store, on the same
/// directory while one is alive.
public final class LedgerSession {
    /// The directory of the ledger.
    public let directory: String
    /// The open ledger.
    let store: LedgerStore

    /// Opens the ledger in `directory` read-only; a directory without a ledger is a storage
    /// failure.
    public convenience init(directory: String) throws(KijkglasError) {
        guard LedgerStore.holdsLedger(directory) else { throw KijkglasError(.storage, "no ledger at \(directory)") }
        let store = try KijkglasError.mapping { try LedgerStore(directory: directory, readOnly: true) }
        self.init(store: store, directory: directory)
    }

    /// A session over `store`, already open, of the ledger in `directory`.
    public init(store: LedgerStore, directory: String) {
        self.store = store
        self.directory = directory
    }

    /// The releases that answer for `swv` as known at `knownAt`: the one SWV of the ledger unless
    /// named, every release for `.every`; refuses a ledger without releases, an SWV without
    /// releases of its own and a day of knowledge before its first publication.
    func answering(_ swv: AnsweringSWV, knownAt: Day?, ownSchoolYearOnly: Bool, rules: CountingRules) throws -> AnsweringReleases {
        func releases(_ loaded: LoadedReleases) -> AnsweringReleases {
            AnsweringReleases(store: store, loaded: loaded, rules: rules, knownAt: knownAt, ownSchoolYearOnly: ownSchoolYearOnly)
        }
        // The ledger's SWVs are listed only for a message: the answering SWV's releases are read alone.
        func known() throws -> String {
            let swvs = try store.scopeSWVs()
            guard !swvs.isEmpty else { throw KijkglasError(.badData, "the ledger at \(directory) holds no releases; ingest one first") }
            return swvs.joined(separator: ", ")
        }
        let answering: String
        switch swv {
        case .every:
            _ = try known()
            return releases(try LoadedReleases(store: store))
        case .code(let code): answering = code
        case .ledgers:
            guard let only = try store.onlySWV() else {
                throw KijkglasError(.usage, "this ledger holds the releases of several SWVs (\(try known())); \(KijkglasError.Term.chooseSWV)")
            }
            answering = only
        }
        let loaded = try LoadedReleases(store: store, swv: answering)
        guard !loaded.releases.isEmpty else {
            throw KijkglasError(
                .usage,
                "\(KijkglasError.Term.swv) \(answering) has no releases in this ledger; an SWV is answered from its own Kijkglas files only (SWVs with releases: \(try known()))")
        }
        if let knownAt, let first = loaded.firstPublication, knownAt < first {
            throw KijkglasError(
                .usage, "\(KijkglasError.Term.knownAt) \(knownAt.iso) is before the first publication of \(answering)'s releases, \(first.iso)",
                loaded: loaded.summary)
        }
        return releases(loaded)
    }
}
