import Foundation
import LedgerStorage

/// Where a ledger's key file is: named, else `$KIJKGLAS_KEY`, else beside the ledger directory
/// (`<directory>.key`, e.g. `./kijkglas-ledger.key`), never inside it: a copy of the directory
/// without the key file holds no readable PGN.
public struct KeyFile: Sendable, Equatable {
    /// The key file's path.
    public let path: String
    /// Whether it was named (option or environment) rather than found beside the ledger; a named
    /// key file must exist.
    public let named: Bool

    /// The key file `path` (nil: `$KIJKGLAS_KEY` from `environment` unless empty, else
    /// `beside(directory)`).
    public init(_ path: String?, ledger directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let path = path ?? environment["KIJKGLAS_KEY"].flatMap({ $0.isEmpty ? nil : $0 }) {
            self.path = path
            named = true
        } else {
            self.path = KeyFile.beside(directory)
            named = false
        }
    }

    /// The key file beside the ledger directory `directory`: `<directory>.key`.
    public static func beside(_ directory: String) -> String {
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".key"
    }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Makes a new key file here: 32 random bytes, owner-only; an existing file is never
    /// overwritten (usage failure).
    public func create() throws(KijkglasError) {
        do {
            try LedgerKey.create(at: path)
        } catch {
            throw KijkglasError(error)
        }
    }

    /// The key in the file.
    /// - Throws: a usage failure naming how to get one when there is none, or it is no key.
    func load() throws(KijkglasError) -> LedgerKey {
        do {
            return try LedgerKey(contentsOf: path)
        } catch {
            throw KijkglasError(error)
        }
    }
}
