import Crypto
import Foundation
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

    /// The random bytes a new entry takes: its data key and the two nonces.
    static let randomBytes = 32 + 12 + 12

    /// New entries for `identities`, encoded as stored, in their order: each with a data key and
    /// nonces of its own, the data keys wrapped with `key`'s wrapping key; sealed on every core.
    /// - Throws: `LedgerError.corrupt` when the system gives no random bytes or AES-GCM seals none.
    static func sealing(_ identities: [(pgn: PGN, birthDate: Day?)], key: LedgerKey) throws -> [[UInt8]] {
        let random = try randomness(for: identities.count)
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, identities.count / 256))
        var records = [[UInt8]](repeating: [], count: identities.count)
        records.withUnsafeMutableBufferPointer { records in
            nonisolated(unsafe) let records = records
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let wrappingKey = key.wrappingKey
                for index in identities.count * chunk / chunks..<identities.count * (chunk + 1) / chunks {
                    let (pgn, birthDate) = identities[index]
                    records[index] =
                        (try? PupilRecord(
                            sealing: pgn, birthDate: birthDate, wrappingWith: wrappingKey,
                            random: random[index * randomBytes..<(index + 1) * randomBytes]))?.encoded ?? []
                }
            }
        }
        guard !records.contains(where: \.isEmpty) else { throw LedgerError.corrupt("AES-GCM sealed no vault entry for a pupil") }
        return records
    }

    /// Random bytes for `count` new entries, `randomBytes` each, read from the kernel's CSPRNG
    /// (`/dev/urandom`) in as few reads as it allows, instead of a few system calls a pupil.
    /// - Throws: `LedgerError.corrupt` when the system gives no random bytes.
    private static func randomness(for count: Int) throws -> [UInt8] {
        let source = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw LedgerError.corrupt("cannot open /dev/urandom: \(String(cString: strerror(errno)))") }
        defer { close(source) }
        var bytes = [UInt8](repeating: 0, count: count * randomBytes)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let got = read(source, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { throw LedgerError.corrupt("/dev/urandom gave no bytes: \(String(cString: strerror(errno)))") }
                filled += got
            }
        }
        return bytes
    }

    /// A new entry for `pgn` born on `birthDate`: its data key and nonces from `random`
    /// (`randomBytes` fresh random bytes), the data key wrapped with the ledger key's `wrappingKey`.
    private init(sealing pgn: PGN, birthDate: Day?, wrappingWith wrappingKey: SymmetricKey, random: ArraySlice<UInt8>) throws {
        guard random.count == PupilRecord.randomBytes else { throw LedgerError.corrupt("a new pupil needs \(PupilRecord.randomBytes) random bytes") }
        let keyBytes = random.prefix(32)
        let dataKey = SymmetricKey(data: keyBytes)
        var identity = ByteWriter()
        identity.write(bigEndian: pgn.value)
        if let birthDate {
            identity.write(byte: 1)
            identity.write(day: birthDate)
        } else {
            identity.write(byte: 0)
        }
        let wrapped = try AES.GCM.seal(
            Array(keyBytes), using: wrappingKey, nonce: try AES.GCM.Nonce(data: random.dropFirst(32).prefix(12)))
        let sealed = try AES.GCM.seal(identity.bytes, using: dataKey, nonce: try AES.GCM.Nonce(data: random.suffix(12)))
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
