import Foundation
import Ingest
import Ledger
import SampleData
import Testing

/// The keyed pseudonyms of `ingest --pseudonymize`: a permutation of the nine-digit numbers,
/// so pupils never merge, stable under one key and unrelated under another.
@Suite("Pseudonym keys")
struct PseudonymKeyTests {
    static func key(_ seed: UInt64) throws -> PseudonymKey {
        var random = SplitMix64(seed: seed)
        return try PseudonymKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }, file: "key")
    }

    @Test("200,000 distinct PGNs get 200,000 distinct nine-digit pseudonyms (a keyed hash into nine digits would collide about 20 times)")
    func permutation() throws {
        let key = try Self.key(1)
        var random = SplitMix64(seed: 2)
        var pgns: Set<UInt32> = []
        while pgns.count < 200_000 { pgns.insert(UInt32.random(in: 0...999_999_999, using: &random)) }
        var pseudonyms: Set<UInt32> = []
        var unchanged = 0
        for value in pgns {
            let pseudonym = key.pseudonym(of: try #require(PGN(value: value)))
            pseudonyms.insert(pseudonym.value)
            if pseudonym.value == value { unchanged += 1 }
        }
        #expect(pseudonyms.count == pgns.count)
        #expect(pseudonyms.allSatisfy { $0 <= 999_999_999 })
        #expect(unchanged < 3)
    }

    @Test("the same key gives the same pseudonym; another key another; the fingerprint names the key")
    func stability() throws {
        let (one, again, other) = (try Self.key(7), try Self.key(7), try Self.key(8))
        #expect(one.fingerprint == again.fingerprint && one.fingerprint != other.fingerprint)
        var random = SplitMix64(seed: 3)
        let pgns = (0..<1_000).compactMap { _ in PGN(value: UInt32.random(in: 0...999_999_999, using: &random)) }
        #expect(pgns.map(one.pseudonym) == pgns.map(again.pseudonym))
        #expect(zip(pgns.map(one.pseudonym), pgns.map(other.pseudonym)).count { $0 == $1 } < 2)
        var generator = RegistrationGenerator(seed: 4)
        let rows = generator.rows(count: 300)
        let pseudonymised = one.pseudonymise(rows)
        #expect(pseudonymised.map(\.pgn) == rows.map { one.pseudonym(of: $0.pgn) })
        #expect(zip(rows, pseudonymised).allSatisfy { a, b in
            var same = b
            same.pgn = a.pgn
            return same == a
        })
    }

    @Test("a short key or one that others can read is refused naming the file")
    func badKeys() throws {
        #expect(throws: InputError.self) { try PseudonymKey(bytes: [1, 2, 3], file: "key") }
        let path = try Fixture.write([UInt8](repeating: 7, count: 32), as: "key")
        defer { Fixture.remove(path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let error = try #require(throws: InputError.self) { try PseudonymKey(contentsOf: path) }
        #expect(error.problems.first?.description.contains("expected a key file only its owner can read, found 'mode 644'; chmod 600") == true)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try PseudonymKey(contentsOf: path).fingerprint.count == 32)
    }
}
