import Ledger
import LMDB

/// Why a ledger operation failed.
public enum LedgerError: Error, CustomStringConvertible {
    /// LMDB failed (I/O, map, locks).
    case storage(LMDBError)
    /// Stored data does not decode or does not add up.
    case corrupt(String)
    /// A release number that the ledger does not hold.
    case unknownRelease(ReleaseID)
    /// The release does not fit what the ledger holds (a duplicate identity, a fold that fails).
    case rejected(String)
    /// The release would change more than `MassChangeRules` allow without confirmation.
    case massChange(MassChange)
    /// No key file at the path: the pupil identities cannot be sealed or read without one.
    case keyMissing(String)
    /// The key file is not this ledger's (its key check differs).
    case wrongKey(String)
    /// The key file cannot serve as a key (size, permissions, exists already when creating).
    case badKey(String)
    /// Another open ledger (in this or another process) holds the ledger in the directory, so it
    /// cannot be compacted now.
    case inUse(String)

    public var description: String {
        switch self {
        case .storage(let error): "storage error: \(error)"
        case .corrupt(let what): "ledger is damaged: \(what)"
        case .unknownRelease(let id): "no release \(id) in this ledger"
        case .rejected(let why): why
        case .massChange(let change): change.description
        case .keyMissing(let path): "no key file at \(path)"
        case .wrongKey(let path): "\(path) is not the key of this ledger: its pupils' identities were sealed with another"
        case .badKey(let why): why
        case .inUse(let directory): "the ledger at \(directory) is open elsewhere (another kijkglas, such as a running kijkglas serve)"
        }
    }

    /// Runs `body`, turning any error into a `LedgerError`.
    static func mapping<T>(_ body: () throws -> T) throws(LedgerError) -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw error
        } catch let error as LMDBError {
            throw .storage(error)
        } catch let error as RecordDecodingError {
            throw .corrupt(error.description)
        } catch let error as FoldError {
            throw .rejected(error.description)
        } catch {
            throw .corrupt(String(describing: error))
        }
    }
}
