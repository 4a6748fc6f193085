import Crypto
import Foundation
import Ledger

/// A secret key that turns every PGN into a pseudonym: a keyed permutation of the nine-digit
/// numbers (a Feistel network over 30 bits with HMAC-SHA256 rounds, cycle-walked into
/// 0 ... 999,999,999), so two pupils never share a pseudonym and the same pupil always gets
/// the same one under the same key. The key stays outside the ledger; the ledger keeps only its
/// fingerprint, to refuse files pseudonymised with another key or not at all. Each round's
/// function of a 15-bit half is computed once and remembered, so a large file costs at most
/// 8 × 32,768 HMACs.
public final class PseudonymKey {
    private let key: SymmetricKey
    /// Remembered round outputs by round and half; `UInt16.max` for not yet computed.
    private var roundOutputs = [UInt16](repeating: .max, count: Int(PseudonymKey.rounds) << PseudonymKey.halfBits)
    /// HMAC-SHA256 of a fixed label under the key: names the key without revealing it.
    public let fingerprint: [UInt8]

    private static let rounds: UInt8 = 8
    private static let halfBits = 15
    private static let halfMask: UInt32 = (1 << 15) - 1
    private static let domain: UInt32 = 1_000_000_000

    /// A key from its secret bytes (at least 32).
    /// - Throws: `InputError` when there are fewer.
    public init(bytes: [UInt8], file: String) throws(InputError) {
        guard bytes.count >= 32 else {
            throw InputError(problems: [
                InputProblem(
                    file: file, line: 0, column: 0, field: nil, expected: "a pseudonym key of at least 32 random bytes",
                    found: "\(bytes.count) bytes", hint: "make one with: head -c 32 /dev/urandom > \(file); chmod 600 \(file)")
            ], truncated: false)
        }
        key = SymmetricKey(data: bytes)
        fingerprint = Array(HMAC<SHA256>.authenticationCode(for: Array("kijkglas pseudonym key fingerprint".utf8), using: key))
    }

    /// The key in the file at `path`, which only its owner may read.
    /// - Throws: `InputError` when the file is missing, readable by others, or too short.
    public convenience init(contentsOf path: String) throws(InputError) {
        func problem(_ expected: String, _ found: String, _ hint: String) -> InputError {
            InputError(problems: [InputProblem(file: path, line: 0, column: 0, field: nil, expected: expected, found: found, hint: hint)], truncated: false)
        }
        let make = "make one with: head -c 32 /dev/urandom > \(path); chmod 600 \(path)"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let data = FileManager.default.contents(atPath: path)
        else { throw problem("a pseudonym key file", "no readable file", make) }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0
        guard mode & 0o077 == 0 else {
            throw problem(
                "a key file only its owner can read", "mode \(String(mode & 0o777, radix: 8))", "chmod 600 \(path)")
        }
        try self.init(bytes: [UInt8](data), file: path)
    }

    /// The pseudonym of `pgn`: another nine-digit number, the same for the same PGN and key.
    public func pseudonym(of pgn: PGN) -> PGN {
        var value = encrypt(pgn.value)
        while value >= PseudonymKey.domain { value = encrypt(value) }
        return PGN(value: value) ?? pgn
    }

    /// `rows` with every PGN replaced by its pseudonym.
    public func pseudonymise(_ rows: [Registration]) -> [Registration] {
        rows.map { row in
            var row = row
            row.pgn = pseudonym(of: row.pgn)
            return row
        }
    }

    /// One pass of the Feistel network over 30 bits.
    private func encrypt(_ value: UInt32) -> UInt32 {
        var left = (value >> UInt32(PseudonymKey.halfBits)) & PseudonymKey.halfMask
        var right = value & PseudonymKey.halfMask
        for round in 0..<PseudonymKey.rounds {
            (left, right) = (right, left ^ output(of: round, right))
        }
        return left << UInt32(PseudonymKey.halfBits) | right
    }

    /// The round function: 15 bits of HMAC-SHA256(key, round ‖ half).
    private func output(of round: UInt8, _ half: UInt32) -> UInt32 {
        let index = Int(round) << PseudonymKey.halfBits | Int(half)
        if roundOutputs[index] != .max { return UInt32(roundOutputs[index]) }
        let code = HMAC<SHA256>.authenticationCode(for: [round, UInt8(half >> 8), UInt8(half & 0xFF)], using: key)
        let mixed = code.withUnsafeBytes { UInt32($0[0]) << 8 | UInt32($0[1]) } & PseudonymKey.halfMask
        roundOutputs[index] = UInt16(mixed)
        return mixed
    }
}
