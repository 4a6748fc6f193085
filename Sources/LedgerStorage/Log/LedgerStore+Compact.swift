import Foundation
import Ledger
import LMDB

extension LedgerStore {
    /// The folder in the ledger directory where `compact(_:)` writes the fresh copy.
    static let compactingFolder = "compacting"

    /// Replaces the ledger's data file in `directory` by a compacted copy of itself
    /// (`mdb_env_copyfd2` with `MDB_CP_COMPACT`), so that no freed page keeps what an erasure
    /// destroyed: the copy holds only live pages. Holds the ledger's lock alone throughout; the
    /// copy is written beside the data file, flushed and renamed over it, so a crash leaves the
    /// old file or the new one, both valid. Clears `compactionDue` in the new file.
    /// - Returns: the data file's size before and after, in bytes.
    /// - Throws: `LedgerError.inUse` when another open ledger (of this or another process) holds
    ///   it; `.storage` on a failed copy or rename (the ledger is then unchanged).
    public static func compact(_ directory: String) throws(LedgerError) -> (before: Int, after: Int) {
        guard holdsLedger(directory) else { throw .rejected("no ledger at \(directory)") }
        let lock = try LedgerLock(directory: directory, exclusive: true)
        let data = directory + "/data.mdb"
        let folder = directory + "/" + compactingFolder
        let before = fileSize(data)
        try? FileManager.default.removeItem(atPath: folder)
        do {
            let store = try LedgerStore(directory: directory, readOnly: false, lock: lock)
            try LedgerError.mapping { try store.environment.copy(to: folder, compact: true) }
        }
        guard rename(folder + "/data.mdb", data) == 0 else { throw .storage(LMDBError(rawValue: errno)) }
        try syncDirectory(directory)
        try? FileManager.default.removeItem(atPath: folder)
        let store = try LedgerStore(directory: directory, readOnly: false, lock: lock)
        try store.write { _ = try $0.delete(LedgerStore.compactionDueKey, in: store.meta) }
        return (before, fileSize(data))
    }

    private static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Flushes a directory's entries (a rename in it) to disk.
    private static func syncDirectory(_ directory: String) throws(LedgerError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .storage(LMDBError(rawValue: errno)) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .storage(LMDBError(rawValue: errno)) }
    }
}
