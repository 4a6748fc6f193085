import Crypto

/// HMAC-SHA256 (RFC 2104) under one key, the key absorbed once: the inner and outer SHA-256
/// states after the key's padded block, which the MAC of each message continues from a copy of.
/// A message of under 56 bytes then costs two SHA-256 compressions and two copies of a hash
/// state, without the generic `DataProtocol` path and the key copies of `HMAC<SHA256>`, whose
/// MACs it gives byte for byte.
struct KeyedHMAC {
    /// The bytes of SHA-256's block.
    private static let blockSize = 64

    /// SHA-256 after the key's block XOR 0x36.
    private let inner: SHA256
    /// SHA-256 after the key's block XOR 0x5c.
    private let outer: SHA256

    /// The HMAC under `key` (a key longer than a block is hashed first, as RFC 2104 says).
    init(key: SymmetricKey) {
        var block: [UInt8] = key.withUnsafeBytes { bytes in
            bytes.count > KeyedHMAC.blockSize ? Array(SHA256.hash(data: bytes)) : Array(bytes)
        }
        block += repeatElement(0, count: KeyedHMAC.blockSize - block.count)
        var inner = SHA256()
        var outer = SHA256()
        block.map { $0 ^ 0x36 }.withUnsafeBytes { inner.update(bufferPointer: $0) }
        block.map { $0 ^ 0x5c }.withUnsafeBytes { outer.update(bufferPointer: $0) }
        self.inner = inner
        self.outer = outer
    }

    /// The MAC of `message`.
    func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256.Digest {
        var innerHash = inner
        innerHash.update(bufferPointer: message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize()
    }
}
