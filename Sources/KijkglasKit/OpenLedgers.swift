import Foundation
import Ledger
import LedgerStorage

/// The ledgers this process holds open, by directory: LMDB allows one open environment per
/// directory and process, so every session of a directory shares one `LedgerStore`.
///
/// A store opened to write serves sessions that read too; a store opened to read refuses a session
/// that writes until every session holding it is released.
final class OpenLedgers: @unchecked Sendable {
    /// The process's ledgers.
    static let shared = OpenLedgers()

    /// A store, held weakly so that it closes with its last session.
    private struct Entry {
        weak var store: LedgerStore?
        var writable: Bool
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The store of the ledger in `directory`: the one already open when it allows `writable`
    /// access, else a new one (created when missing if `writable`).
    func store(_ directory: String, writable: Bool) throws(KijkglasError) -> LedgerStore {
        let key = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[key], let store = entry.store {
            guard entry.writable || !writable else {
                throw KijkglasError(
                    .usage,
                    "the ledger at \(directory) is open to read in this process; release its sessions before opening it to write")
            }
            return store
        }
        let store = try KijkglasError.mapping { try LedgerStore(directory: directory, readOnly: !writable) }
        entries[key] = Entry(store: store, writable: writable)
        return store
    }
}
