/// The status of a release.
public enum ReleaseStatus: String, Sendable, CaseIterable {
    /// The latest of its scope.
    case published
    /// A newer release of its scope exists.
    case superseded
    /// DUO withdrew it.
    case withdrawn
    /// DUO made it definitive.
    case definitive
}
