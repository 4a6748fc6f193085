import Ledger
import LedgerStorage

/// A ledger opened to answer questions and, when opened to write, to record what DUO decided:
/// one method per question or change, each taking a request value and returning a result value
/// that carries what a renderer needs; every failure is a `KijkglasError`.
///
/// Holds the ledger open until released. LMDB allows one open environment per directory and
/// process, so sessions of one directory share it: sessions that read share one opened to write,
/// but a session that writes is refused while one opened only to read is alive.
public final class LedgerSession: Sendable {
    /// What a session may do with its ledger.
    public enum Access: Sendable, Equatable {
        /// Answer questions; the ledger must exist.
        case read
        /// Answer questions and record changes; the ledger must exist.
        case write
        /// Answer questions and record changes, creating the ledger when the directory holds none.
        case create
    }

    /// The directory of the ledger.
    public let directory: String
    /// What the session may do.
    public let access: Access
    /// The ledger's key file: it seals new pupils at ingest and shows the PGNs of pupils in answers.
    public let keyFile: KeyFile
    /// The open ledger.
    let store: LedgerStore

    /// Opens the ledger in `directory` for `access`, sharing the environment of any other session
    /// of it in this process; a directory without a ledger is a storage failure unless `access`
    /// creates one, and a ledger is created only when `keyFile` (default: `$KIJKGLAS_KEY`, else
    /// the key file beside the directory) holds a key.
    public convenience init(directory: String, access: Access = .read, keyFile: KeyFile? = nil) throws(KijkglasError) {
        let keyFile = keyFile ?? KeyFile(nil, ledger: directory)
        let holdsLedger = LedgerStore.holdsLedger(directory)
        guard access == .create || holdsLedger else {
            throw KijkglasError(.storage, "no ledger at \(directory)")
        }
        if !holdsLedger { _ = try keyFile.load() }
        let store = try OpenLedgers.shared.store(directory, writable: access != .read)
        self.init(store: store, directory: directory, access: access, keyFile: keyFile)
    }

    /// Whether `directory` holds a ledger.
    public static func holdsLedger(_ directory: String) -> Bool { LedgerStore.holdsLedger(directory) }

    /// A session over `store`, already open, of the ledger in `directory`.
    init(store: LedgerStore, directory: String, access: Access, keyFile: KeyFile) {
        self.store = store
        self.directory = directory
        self.access = access
        self.keyFile = keyFile
    }

    /// The store, refused unless the session was opened to write.
    func writableStore() throws(KijkglasError) -> LedgerStore {
        guard access != .read else {
            throw KijkglasError(.usage, "the ledger at \(directory) was opened to read; open a session that writes to change it")
        }
        return store
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
