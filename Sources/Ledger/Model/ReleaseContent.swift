/// What a release holds, which decides what reads it: the projections count the periods of
/// registration streams; snapshots and stated figures are what DUO settled or stated, kept to
/// be reconciled against them.
public enum ReleaseContent: UInt8, Hashable, Sendable, CaseIterable {
    /// Registration periods of a school year (Kijkglas 2, Dashboard SWV 2): what counts.
    case periods = 0
    /// The registrations DUO settled on one teldatum (Kijkglas 1 part 2, Dashboard SWV 1b).
    case snapshot = 1
    /// DUO's stated aggregate figures (Kijkglas 1 part 1, Kijkglas 3, Dashboard SWV 1a).
    case figures = 2

    /// The name layouts and output use.
    public var name: String {
        switch self {
        case .periods: "periods"
        case .snapshot: "snapshot"
        case .figures: "figures"
        }
    }

    /// The content named `name` in a layout, nil for another name.
    public init?(name: String) {
        guard let content = ReleaseContent.allCases.first(where: { $0.name == name }) else { return nil }
        self = content
    }
}
