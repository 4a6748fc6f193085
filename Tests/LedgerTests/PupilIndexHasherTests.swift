import Crypto
import Foundation
import Ledger
@testable import LedgerStorage
import SampleData
import Testing

/// The pupil index's keys are HMAC-SHA256 of a PGN's nine digits, whichever code computes them:
/// a ledger written by an earlier build must find its pupils.
@Suite("The pupil index's keys")
struct PupilIndexHasherTests {
    @Test("the keyed HMAC gives HMAC<SHA256>'s MAC for random keys and messages")
    func keyedHMAC() {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let key = SymmetricKey(data: (0..<Int.random(in: 0...100, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            let message = (0..<Int.random(in: 0...130, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let keyed = message.withUnsafeBytes { KeyedHMAC(key: key).authenticationCode(for: $0) }
            #expect(Array(keyed) == Array(HMAC<SHA256>.authenticationCode(for: message, using: key)), "seed \(seed)")
        }
    }

    @Test("an index key is the first 16 bytes of HMAC<SHA256> of the PGN's nine digits under the index key")
    func indexKeys() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        for _ in 0..<3 {
            let bytes = (0..<LedgerKey.size).map { _ in UInt8.random(in: 0...255, using: &random) }
            let key = try LedgerKey(bytes: bytes, file: "random.key")
            let indexKey = HKDF<SHA256>.deriveKey(
                inputKeyMaterial: SymmetricKey(data: bytes), salt: Array("kijkglas ledger key".utf8), info: Array("pupil index".utf8),
                outputByteCount: 32)
            let pgns = try (0..<5_000).map { _ in try #require(PGN(value: UInt32.random(in: 0...999_999_999, using: &random))) }
            let hasher = PupilIndexHasher(key: key)
            let entries = hasher.entries(of: pgns)
            for (index, pgn) in pgns.enumerated() {
                let expected = Array(HMAC<SHA256>.authenticationCode(for: Array(String(format: "%09u", pgn.value).utf8), using: indexKey).prefix(16))
                #expect(Array(entries[index * PupilIndexHasher.width..<(index + 1) * PupilIndexHasher.width]) == expected, "seed \(seed)")
                if index < 50 { #expect(hasher.entry(of: pgn) == expected, "seed \(seed)") }
            }
        }
    }

    @Test("inKeyOrder lists the keys as a bytewise sort does, with their positions, also when many share their first bytes")
    func inKeyOrder() {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        for count in [0, 1, 2, 300, 20_000] {
            // A quarter of the keys start with one of three two-byte prefixes, so buckets hold many.
            let keys = (0..<count).map { _ in
                var key = (0..<PupilIndexHasher.width).map { _ in UInt8.random(in: 0...255, using: &random) }
                if Int.random(in: 0..<4, using: &random) == 0 { key[0] = 7; key[1] = UInt8.random(in: 0...2, using: &random) }
                return key
            }
            let (positions, sortedKeys) = PupilIndexHasher.inKeyOrder(keys.flatMap { $0 })
            let expected = keys.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(sortedKeys == expected.flatMap { $0 }, "seed \(seed), \(count) keys")
            #expect(positions.map { keys[$0] } == expected, "seed \(seed), \(count) keys")
            #expect(Set(positions) == Set(keys.indices), "seed \(seed)")
        }
    }
}
