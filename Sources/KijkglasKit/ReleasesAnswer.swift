import Ledger

/// The releases the ledger holds, with what a listing of them shows.
public struct ReleasesAnswer: Sendable {
    /// Every release, in the order of their ids.
    public var releases: [Release]
    /// Each release's lifecycle: superseded, withdrawn, definitive, its events' tally.
    public var lifecycles: [ReleaseID: ReleaseLifecycle]
    /// The releases that rewrite the school year before their own.
    public var previousYear: [ReleaseID: PreviousYearRewrite]
}
