import Ledger

/// What a file says about the release it holds, from its "Algemene gegevens" block, the
/// command line or its name; nil where unknown.
public struct ReleaseMetadata: Sendable, Equatable {
    /// Product id (`kijkglas-2`) or a product name DUO uses (`Kijkglas 2`).
    public var product: String?
    /// SWV code (`VO2508`).
    public var swv: String?
    /// The SWV's name.
    public var swvName: String?
    /// School year `2021-2022`.
    public var schoolYear: String?
    /// Peildatum of a snapshot.
    public var referenceDate: Day?
    /// DUO's publication date.
    public var published: Day?
    /// Whether the file says it is definitive (`Definitief`, true) or provisional (`Voorlopig`, false).
    public var definitive: Bool?

    /// Metadata with the given items; the others unknown.
    public init(
        product: String? = nil, swv: String? = nil, swvName: String? = nil, schoolYear: String? = nil,
        referenceDate: Day? = nil, published: Day? = nil, definitive: Bool? = nil
    ) {
        self.product = product
        self.swv = swv
        self.swvName = swvName
        self.schoolYear = schoolYear
        self.referenceDate = referenceDate
        self.published = published
        self.definitive = definitive
    }

    /// This metadata with every item `other` knows replaced by `other`'s.
    public func overridden(by other: ReleaseMetadata) -> ReleaseMetadata {
        ReleaseMetadata(
            product: other.product ?? product, swv: other.swv ?? swv, swvName: other.swvName ?? swvName,
            schoolYear: other.schoolYear ?? schoolYear, referenceDate: other.referenceDate ?? referenceDate,
            published: other.published ?? published, definitive: other.definitive ?? definitive)
    }
}
