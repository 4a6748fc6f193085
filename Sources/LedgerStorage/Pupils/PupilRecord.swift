import Crypto
import Ledger

/// A pupil's entry in the vault (the `pupils` database): the pupil's own data key sealed with the
/// ledger's wrapping key, and the pupil's identity (PGN and exact birth date) sealed with that
/// data key, both AES-GCM (nonce, ciphertext and tag). Destroying the entry forgets the pupil.
struct PupilRecord: Sendable, Equatable {
    /// The record's layout version.
    static let version: UInt8 = 1

    /// The pupil's data key, sealed with the wrapping key.
    let wrappedKey: [UInt8]
    /// The pupil's identity, sealed with the data key.
    let sealedIdentity: [UInt8]

    /// A new entry for `pgn` born on `birthDate`, with a new random data key wrapped with the
    /// ledger key's `wrappingKey`.
    init(sealing pgn: PGN, birthDate: Day?, wrappingWith wrappingKey: SymmetricKey) throws {
        let dataKey = SymmetricKey(size: .bits256)
        var identity = ByteWriter()
        identity.write(bigEndian: pgn.value)
        if let birthDate {
            identity.write(byte: 1)
            identity.write(day: birthDate)
        } else {
            identity.write(byte: 0)
        }
        let wrapped = try AES.GCM.seal(dataKey.withUnsafeBytes { [UInt8]($0) }, using: wrappingKey)
        let sealed = try AES.GCM.seal(identity.bytes, using: dataKey)
        guard let wrappedKey = wrapped.combined, let sealedIdentity = sealed.combined else {
            throw LedgerError.corrupt("AES-GCM gave no combined sealed box")
        }
        self.wrappedKey = [UInt8](wrappedKey)
        self.sealedIdentity = [UInt8](sealedIdentity)
    }

    /// The record as stored.
    var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.write(byte: PupilRecord.version)
        writer.write(blob: wrappedKey)
        writer.write(blob: sealedIdentity)
        return writer.bytes
    }

    /// A stored record.
    init(stored bytes: [UInt8]) throws {
        var reader = ByteReader(bytes)
        guard try reader.readByte() == PupilRecord.version else {
            throw LedgerError.corrupt("a pupil's vault entry has an unknown version")
        }
        wrappedKey = try reader.readBlob()
        sealedIdentity = try reader.readBlob()
    }

    /// The pupil's PGN and exact birth date, the data key unwrapped with `wrappingKey` (of the
    /// key file `file`, for the message when it does not open).
    /// - Throws: `LedgerError.wrongKey` when `wrappingKey` does not open it.
    func identity(unwrappingWith wrappingKey: SymmetricKey, file: String) throws -> (pgn: PGN, birthDate: Day?) {
        let identity: [UInt8]
        do {
            let dataKey = SymmetricKey(data: try AES.GCM.open(AES.GCM.SealedBox(combined: wrappedKey), using: wrappingKey))
            identity = [UInt8](try AES.GCM.open(AES.GCM.SealedBox(combined: sealedIdentity), using: dataKey))
        } catch {
            throw LedgerError.wrongKey(file)
        }
        var reader = ByteReader(identity)
        let value = try reader.readBigEndianUInt32()
        guard let pgn = PGN(value: value) else { throw LedgerError.corrupt("a pupil's vault entry holds no PGN") }
        return (pgn, try reader.readByte() == 1 ? try reader.readDay() : nil)
    }
}
