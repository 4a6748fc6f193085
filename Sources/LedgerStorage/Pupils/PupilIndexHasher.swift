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

    /// The positions of the index keys in `entries` (`width` bytes each) in the index's order
    /// (bytewise): a counting sort on the first two bytes, then each bucket (a few keys, HMACs
    /// being uniform) sorted on the whole key.
    static func keyOrder(of entries: [UInt8]) -> [Int] {
        let count = entries.count / width
        return entries.withUnsafeBytes { bytes in
            func bucket(_ position: Int) -> Int { Int(bytes[position * width]) << 8 | Int(bytes[position * width + 1]) }
            var starts = [Int](repeating: 0, count: 65_537)
            for position in 0..<count { starts[bucket(position) + 1] += 1 }
            for index in 1..<starts.count { starts[index] += starts[index - 1] }
            var order = [Int](repeating: 0, count: count)
            var filled = starts
            for position in 0..<count {
                order[filled[bucket(position)]] = position
                filled[bucket(position)] += 1
            }
            func precedes(_ a: Int, _ b: Int) -> Bool {
                memcmp(bytes.baseAddress! + a * width, bytes.baseAddress! + b * width, width) < 0
            }
            for index in 0..<65_536 where starts[index + 1] - starts[index] > 1 {
                order[starts[index]..<starts[index + 1]].sort(by: precedes)
            }
            return order
        }
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
