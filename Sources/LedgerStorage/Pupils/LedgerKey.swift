import Crypto
import Foundation

/// A ledger's key: 32 random bytes in a key file kept outside the ledger directory (owner-only).
///
/// Two keys are derived from it with HKDF-SHA256: the *index key*, under which the HMAC of a
/// PGN finds the pupil's number, and the *wrapping key*, with which each pupil's own data key is
/// sealed (AES-GCM). The ledger stores a *key check* (an HMAC of a fixed label) so another key
/// file is refused instead of misreading the vault. See `docs/privacy.md`.
public struct LedgerKey: Sendable {
    /// The size of a key file in bytes.
    public static let size = 32

    /// The key file it was read from, for messages.
    public let file: String
    /// The bytes of the index key.
    private let indexKeyBytes: [UInt8]
    /// The bytes of the wrapping key.
    private let wrappingKeyBytes: [UInt8]
    /// What the ledger stores to recognise this key.
    let check: [UInt8]

    /// The key from its bytes.
    /// - Throws: `LedgerError.badKey` unless there are `size` of them.
    public init(bytes: [UInt8], file: String) throws(LedgerError) {
        guard bytes.count == LedgerKey.size else {
            throw .badKey("\(file) holds \(bytes.count) bytes, not the \(LedgerKey.size) of a ledger key")
        }
        self.file = file
        let master = SymmetricKey(data: bytes)
        func derive(_ label: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, salt: Array("kijkglas ledger key".utf8), info: Array(label.utf8), outputByteCount: 32)
        }
        indexKeyBytes = derive("pupil index").withUnsafeBytes { [UInt8]($0) }
        wrappingKeyBytes = derive("pupil key wrapping").withUnsafeBytes { [UInt8]($0) }
        check = Array(HMAC<SHA256>.authenticationCode(for: Array("kijkglas key check".utf8), using: derive("key check")))
    }

    /// HMAC-SHA256 key of the pupil index.
    var indexKey: SymmetricKey { SymmetricKey(data: indexKeyBytes) }

    /// AES-GCM key that seals each pupil's data key.
    var wrappingKey: SymmetricKey { SymmetricKey(data: wrappingKeyBytes) }

    /// Reads the key file at `path`.
    /// - Throws: `LedgerError.keyMissing` when there is no file; `LedgerError.badKey` when it
    ///   cannot be read, is not `size` bytes, or others than its owner may read it.
    public init(contentsOf path: String) throws(LedgerError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .keyMissing(path) }
        guard info.st_mode & 0o077 == 0 else {
            throw .badKey("\(path) may be read by others than its owner; make it owner-only (chmod 600)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .badKey("cannot read \(path)") }
        try self.init(bytes: [UInt8](data), file: path)
    }

    /// Makes a new key file at `path`: `size` random bytes, owner-only from its creation.
    /// - Throws: `LedgerError.badKey` when `path` exists (a key file is never overwritten: the
    ///   ledger it opens would be lost) or cannot be written.
    public static func create(at path: String) throws(LedgerError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .badKey(errno == EEXIST ? "\(path) exists already; a key file is never overwritten" : "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { [UInt8]($0) }
        guard fchmod(descriptor, 0o600) == 0, bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count,
            fsync(descriptor) == 0
        else {
            unlink(path)
            throw .badKey("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
