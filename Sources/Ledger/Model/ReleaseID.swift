/// The number the ledger gives a release when it is recorded: 1, 2, 3, … in order of loading.
public struct ReleaseID: Hashable, Comparable, Sendable {
    /// The number.
    public let value: UInt32

    /// A release id from its number.
    public init(_ value: UInt32) { self.value = value }

    /// Parses `7` or `R7`.
    public init?(text: String) {
        let digits = text.hasPrefix("R") || text.hasPrefix("r") ? String(text.dropFirst()) : text
        guard let value = UInt32(digits), value > 0 else { return nil }
        self.value = value
    }

    /// The 4-byte big-endian storage key, so releases sort by number.
    public var storageKey: [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    public static func < (lhs: ReleaseID, rhs: ReleaseID) -> Bool { lhs.value < rhs.value }
}

extension ReleaseID: CustomStringConvertible {
    /// `R7`.
    public var description: String { "R\(value)" }
}
