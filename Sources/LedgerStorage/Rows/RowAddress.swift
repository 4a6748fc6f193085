import Ledger
/// Where a stored row lies and what it holds: the release that first stored it (its origin)
/// and its content hash, the first 16 bytes of the SHA-256 of the encoded row (`LedgerStore.rowHash`).
///
/// Stored as 20 bytes, the origin big-endian first: the key of the row in the `rows` B-tree, so
/// a release's new rows sort after every earlier release's and are appended to the tree's
/// right edge instead of rewriting pages all over it. A release's row list is its rows'
/// addresses in identity order; a row equal to its predecessor's keeps that row's address.
struct RowAddress: Comparable, Hashable {
    /// Bytes of a stored address.
    static let width = 20

    /// The release that stored the row.
    let origin: UInt32
    /// The content hash's first 8 bytes, as an integer that orders as LMDB orders the bytes.
    let high: UInt64
    /// The content hash's last 8 bytes, likewise.
    let low: UInt64

    /// The address at `index` of a row list.
    init(_ list: UnsafeRawBufferPointer, at index: Int) {
        let start = index * RowAddress.width
        origin = UInt32(bigEndian: list.loadUnaligned(fromByteOffset: start, as: UInt32.self))
        high = UInt64(bigEndian: list.loadUnaligned(fromByteOffset: start + 4, as: UInt64.self))
        low = UInt64(bigEndian: list.loadUnaligned(fromByteOffset: start + 12, as: UInt64.self))
    }

    /// The address at `index` of a row list.
    init(_ list: [UInt8], at index: Int) {
        self = list.withUnsafeBytes { RowAddress($0, at: index) }
    }

    /// Whether both name rows with the same content (whatever their origin).
    func holdsSameRow(as other: RowAddress) -> Bool { high == other.high && low == other.low }

    /// The stored form: the key of the row in `rows`.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(RowAddress.width)
        withUnsafeBytes(of: origin.bigEndian) { bytes += $0 }
        withUnsafeBytes(of: high.bigEndian) { bytes += $0 }
        withUnsafeBytes(of: low.bigEndian) { bytes += $0 }
        return bytes
    }

    /// Whether `encoded` hashes to this address's content hash.
    func isAddress(of encoded: [UInt8]) -> Bool {
        Array(bytes.dropFirst(4)) == LedgerStore.rowHash(encoded)
    }

    /// Writes the address of `encoded`, first stored by release `origin`, into `slot` (20 bytes).
    static func write(origin: ReleaseID, of encoded: [UInt8], into slot: UnsafeMutableRawBufferPointer) {
        slot.storeBytes(of: origin.value.bigEndian, toByteOffset: 0, as: UInt32.self)
        LedgerStore.rowHash(encoded, into: UnsafeMutableRawBufferPointer(rebasing: slot[4..<RowAddress.width]))
    }

    static func < (lhs: RowAddress, rhs: RowAddress) -> Bool {
        (lhs.origin, lhs.high, lhs.low) < (rhs.origin, rhs.high, rhs.low)
    }
}
