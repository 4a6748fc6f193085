/// Bekostigingscategorie of a TLV: laag, midden or hoog (1, 2, 3). Stored as its letter.
public enum FundingCategory: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Laag (1).
    case low = "L"
    /// Midden (2).
    case medium = "M"
    /// Hoog (3).
    case high = "H"

    public static func < (lhs: FundingCategory, rhs: FundingCategory) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
