import Ledger

/// The line each row identity (pupil, instelling, vestiging, begindatum) was first seen on,
/// for reporting a repeated identity with the line it repeats.
///
/// Cheap on a file in identity order, as DUO writes them: an identity above every earlier one
/// can repeat none of them, so it is only appended to a sorted list. Only identities that come
/// out of order are looked up there (by binary search) and kept in a dictionary.
struct IdentityLines {
    /// An identity in 16 bytes, ordered as its parts: pupil, instelling, vestiging, day.
    private struct Packed: Hashable, Comparable {
        let high: UInt64
        let low: UInt64

        /// The packed `key`; nil unless the instellingscode has 4 bytes and the vestiging 2 (as
        /// every layout's types make them).
        init?(_ key: RegistrationKey) {
            guard let institution = Packed.bigEndian(key.institution, count: 4),
                let branch = Packed.bigEndian(key.branch, count: 2)
            else { return nil }
            high = UInt64(key.pgn.value) << 32 | institution
            low = branch << 32 | UInt64(UInt32(bitPattern: key.periodStart.daysSinceEpoch) ^ 0x8000_0000)
        }

        /// The UTF-8 bytes of `text` as one big-endian number, when there are exactly `count`.
        private static func bigEndian(_ text: String, count: Int) -> UInt64? {
            guard text.utf8.count == count else { return nil }
            return text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.reduce(0) { $0 << 8 | UInt64($1) }
            }
        }

        static func < (lhs: Packed, rhs: Packed) -> Bool {
            (lhs.high, lhs.low) < (rhs.high, rhs.low)
        }
    }

    /// Identities that came in ascending order, each with its line.
    private var ascending: [(identity: Packed, line: Int)] = []
    /// Identities that came out of order, each with its line.
    private var unordered: [Packed: Int] = [:]
    /// Identities that do not pack, each with its line.
    private var unpacked: [RegistrationKey: Int] = [:]

    /// Room for `count` identities in order.
    init(expected count: Int) {
        ascending.reserveCapacity(count)
    }

    /// The line an earlier row with identity `key` was on; nil (and `line` noted as the
    /// identity's first) when there was none.
    mutating func earlierLine(of key: RegistrationKey, line: Int) -> Int? {
        guard let identity = Packed(key) else {
            if let first = unpacked[key] { return first }
            unpacked[key] = line
            return nil
        }
        guard let last = ascending.last, identity <= last.identity else {
            ascending.append((identity, line))
            return nil
        }
        if let first = earlierAscendingLine(of: identity) { return first }
        if let first = unordered.updateValue(line, forKey: identity) {
            unordered[identity] = first
            return first
        }
        return nil
    }

    /// The line of `identity` among the ascending ones, found by binary search.
    private func earlierAscendingLine(of identity: Packed) -> Int? {
        var low = 0
        var high = ascending.count
        while low < high {
            let middle = (low + high) / 2
            if ascending[middle].identity < identity { low = middle + 1 } else { high = middle }
        }
        return low < ascending.count && ascending[low].identity == identity ? ascending[low].line : nil
    }
}
