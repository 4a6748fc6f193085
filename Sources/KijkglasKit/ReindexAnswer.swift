/// The answer to a reindex: the projections rebuilt.
public struct ReindexAnswer: Sendable, Equatable {
    /// The number of releases whose projections were rebuilt.
    public var releases: Int
}
