import Foundation
import LMDB

/// The ledger's advisory lock (`flock` on `kijkglas.lock` in its directory). Every open ledger
/// holds it shared for as long as it is open; compacting holds it alone, because compacting
/// replaces the data file, and a process that kept the old one mapped would read and write a file
/// that is no longer the ledger.
final class LedgerLock: Sendable {
    /// The lock file's name in the ledger directory.
    static let fileName = "kijkglas.lock"

    private let descriptor: Int32

    /// Takes the lock of the ledger in `directory`, which must exist: shared (waiting while a
    /// compaction holds it) or, when `exclusive`, alone without waiting.
    /// - Returns: nil for a shared lock of a directory that has no lock file and where none can be
    ///   made (a read-only copy, which no compaction can replace either).
    /// - Throws: `LedgerError.inUse` when `exclusive` and another open ledger holds it;
    ///   `.storage` when the lock file cannot be opened or locked.
    init?(directory: String, exclusive: Bool) throws(LedgerError) {
        let path = directory + "/" + LedgerLock.fileName
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor < 0, !exclusive, errno == EROFS || errno == EACCES {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 { return nil }
        }
        guard descriptor >= 0 else { throw .storage(LMDBError(rawValue: errno)) }
        var result: Int32
        repeat {
            result = flock(descriptor, exclusive ? LOCK_EX | LOCK_NB : LOCK_SH)
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK { throw .inUse(directory) }
            throw .storage(LMDBError(rawValue: failure))
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
