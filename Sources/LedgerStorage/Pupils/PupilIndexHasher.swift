import Foundation
import Ledger

/// The keys of the pupil index: the first 16 bytes of HMAC-SHA256(index key, a PGN's nine ASCII
/// digits). The HMAC's keyed states are computed once per run of PGNs and copied for each
/// (`KeyedHMAC`), and a release's PGNs are hashed on every core, each core with keyed states of
/// its own.
struct PupilIndexHasher {
    /// The bytes of an index key.
    static let width = 16

    /// The ledger key whose index key it hashes with.
    let key: LedgerKey

    /// The index key of `pgn`.
    func entry(of pgn: PGN) -> [UInt8] {
        let keyed = KeyedHMAC(key: key.indexKey)
        return [UInt8](unsafeUninitializedCapacity: PupilIndexHasher.width) { buffer, initialized in
            Self.write(pgn, with: keyed, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = PupilIndexHasher.width
        }
    }

    /// The index keys of `pgns`, `width` bytes each, one after the other.
    func entries(of pgns: [PGN]) -> [UInt8] {
        let chunk = 2_048
        let key = key
        return [UInt8](unsafeUninitializedCapacity: pgns.count * PupilIndexHasher.width) { buffer, initialized in
            guard let base = buffer.baseAddress.map(Target.init) else { return }
            DispatchQueue.concurrentPerform(iterations: (pgns.count + chunk - 1) / chunk) { part in
                let keyed = KeyedHMAC(key: key.indexKey)
                for index in part * chunk..<min(pgns.count, (part + 1) * chunk) {
                    Self.write(
                        pgns[index], with: keyed,
                        into: UnsafeMutableRawBufferPointer(start: base.pointer + index * PupilIndexHasher.width, count: PupilIndexHasher.width))
                }
            }
            initialized = buffer.count
        }
    }

    /// The index keys of `entries` (`width` bytes each) in the index's order (bytewise), each with
    /// its position in `entries`: a counting sort on the first two bytes moves each key once into
    /// its bucket, then each bucket (a few keys, HMACs being uniform) is sorted where it lies. The
    /// lookups that follow then read the keys in sequence, not all over `entries`.
    static func inKeyOrder(_ entries: [UInt8]) -> (positions: [Int], keys: [UInt8]) {
        let count = entries.count / width
        var starts = [Int](repeating: 0, count: 65_537)
        var positions = [Int](repeating: 0, count: count)
        var keys = [UInt8](repeating: 0, count: count * width)
        entries.withUnsafeBytes { entries in
            func bucket(_ position: Int) -> Int { Int(entries[position * width]) << 8 | Int(entries[position * width + 1]) }
            for position in 0..<count { starts[bucket(position) + 1] += 1 }
            for index in 1..<starts.count { starts[index] += starts[index - 1] }
            var filled = starts
            keys.withUnsafeMutableBytes { keys in
                for position in 0..<count {
                    let rank = filled[bucket(position)]
                    filled[bucket(position)] += 1
                    positions[rank] = position
                    keys.baseAddress!.advanced(by: rank * width).copyMemory(from: entries.baseAddress! + position * width, byteCount: width)
                }
            }
        }
        keys.withUnsafeMutableBytes { keys in
            func half(_ rank: Int, _ offset: Int) -> UInt64 {
                UInt64(bigEndian: keys.loadUnaligned(fromByteOffset: rank * width + offset, as: UInt64.self))
            }
            for bucket in 0..<65_536 where starts[bucket + 1] - starts[bucket] > 1 {
                let ranks = starts[bucket]..<starts[bucket + 1]
                let sorted = ranks.map { (high: half($0, 0), low: half($0, 8), position: positions[$0]) }
                    .sorted { ($0.high, $0.low) < ($1.high, $1.low) }
                for (rank, key) in zip(ranks, sorted) {
                    keys.storeBytes(of: key.high.bigEndian, toByteOffset: rank * width, as: UInt64.self)
                    keys.storeBytes(of: key.low.bigEndian, toByteOffset: rank * width + 8, as: UInt64.self)
                    positions[rank] = key.position
                }
            }
        }
        return (positions, keys)
    }

    /// Writes the index key of `pgn` into `target` (`width` bytes), from `keyed`, the HMAC with
    /// the index key absorbed.
    private static func write(_ pgn: PGN, with keyed: KeyedHMAC, into target: UnsafeMutableRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 9) { digits in
            var value = pgn.value
            for position in (0..<9).reversed() {
                digits[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            keyed.authenticationCode(for: UnsafeRawBufferPointer(digits)).withUnsafeBytes {
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(PupilIndexHasher.width)))
            }
        }
    }

    /// Where the keys go: each chunk writes its own range.
    private struct Target: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<UInt8>
    }
}
