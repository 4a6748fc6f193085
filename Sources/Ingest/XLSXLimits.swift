/// The bounds an XLSX file must keep: a ZIP archive can declare, or inflate to, far more than
/// it weighs, so what is read of it is counted and stopped at these limits.
public struct XLSXLimits: Sendable, Equatable {
    /// The most bytes the entries read (workbook, relations, shared strings, sheet) may inflate to, together.
    public var maxUncompressedBytes: Int
    /// The most entries the archive may hold.
    public var maxEntries: Int

    /// Limits of `maxUncompressedBytes` (512 MiB unless given) and `maxEntries` (10,000).
    public init(maxUncompressedBytes: Int = 512 << 20, maxEntries: Int = 10_000) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxEntries = maxEntries
    }
}
