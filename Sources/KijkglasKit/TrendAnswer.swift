import Ledger
import Reports

/// The answer to a `TrendRequest`.
public struct TrendAnswer: Sendable {
    /// The series.
    public let trend: Trend
    /// The releases that answered it.
    public let context: ProjectionContext
    /// The series' total as known at each publication and withdrawal, when asked for.
    public let revisions: Revisions?
    /// The releases of the answering SWV, for the corrections per release.
    public let releases: [Release]
    /// Their lifecycles.
    public let lifecycles: [ReleaseID: ReleaseLifecycle]
}
