/// What one logical release covers: product, SWV and school year or reference date.
/// Each new release of a scope is diffed against the previous one of the same scope.
public struct Scope: Hashable, Comparable, Sendable {
    /// Product id as the layouts name it (`kijkglas-2`).
    public var product: String
    /// SWV code (`VO2508`).
    public var swv: String
    /// School year `2021-2022`, or a reference date `jjjj-mm-dd` for snapshot products.
    public var period: String

    /// A scope from its parts.
    public init(product: String, swv: String, period: String) {
        self.product = product
        self.swv = swv
        self.period = period
    }

    public static func < (lhs: Scope, rhs: Scope) -> Bool {
        (lhs.product, lhs.swv, lhs.period) < (rhs.product, rhs.swv, rhs.period)
    }
}

extension Scope: CustomStringConvertible {
    /// `kijkglas-2 VO2508 2021-2022`.
    public var description: String { "\(product) \(swv) \(period)" }
}
