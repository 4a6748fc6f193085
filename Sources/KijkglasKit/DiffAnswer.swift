import Ledger

/// The answer to a `DiffRequest`.
public struct DiffAnswer: Sendable {
    /// The two releases and the events between them.
    public var diff: ReleaseDiff
    /// How the release diffed to rewrites the school year before its own, if it does.
    public var previousYear: PreviousYearRewrite?
}
