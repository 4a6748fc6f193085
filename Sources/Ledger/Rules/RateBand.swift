/// The rows of a rate table: school type, and for the school-year regime's SO the age band.
public enum RateBand: String, Hashable, Sendable, CaseIterable, Comparable, Decodable {
    /// SO, younger than 8 on the teldatum.
    case soUnder8 = "SO<8"
    /// SO, 8 or older on the teldatum.
    case so8Plus = "SO8+"
    /// SO without an age split (from 2023).
    case so = "SO"
    /// VSO.
    case vso = "VSO"

    /// The school type the band prices: SO for the SO bands, VSO for VSO.
    public var schoolType: SchoolType { self == .vso ? .vso : .so }

    public static func < (lhs: RateBand, rhs: RateBand) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
