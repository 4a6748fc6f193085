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

        /// The packed identity of `row`; nil unless the instellingscode has 4 bytes and the
        /// vestiging 2 (as every layout's types make them).
        init?(_ row: Registration) {
            guard let institution = Packed.bigEndian(row.institution, count: 4),
                let branch = Packed.bigEndian(row.branch, count: 2)
            else { return nil }
            high = UInt64(row.pgn.value) << 32 | institution
            low = branch << 32 | UInt64(UInt32(bitPattern: row.periodStart.daysSinceEpoch) ^ 0x8000_0000)
        }

        /// The UTF-8 bytes of `text` as one big-endian number, when there are exactly `count`.
        private static func bigEndian(_ text: String, count: Int) -> UInt64? {
            var value: UInt64 = 0
            var bytes = 0
            for byte in text.utf8 {
                bytes += 1
                guard bytes <= count else { return nil }
                value = value << 8 | UInt64(byte)
            }
            return bytes == count ? value : nil
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

    /// The line an earlier row with `row`'s identity was on; nil (and `line` noted as the
    /// identity's first) when there was none.
    mutating func earlierLine(of row: Registration, line: Int) -> Int? {
        guard let identity = Packed(row) else {
            let key = row.key
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
