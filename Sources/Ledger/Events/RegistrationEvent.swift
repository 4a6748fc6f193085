/// A change to one registration row, as found by diffing a release against its base.
public struct RegistrationEvent: Hashable, Sendable {
    /// The release that brought the change.
    public var release: ReleaseID
    /// The release it was diffed against; nil for the first release of a scope.
    public var base: ReleaseID?
    /// Change since, correction of the past, or future-dated.
    public var classification: Classification
    /// The row's identity in the base release (for an opened row: its own identity).
    public var key: RegistrationKey
    /// What happened.
    public var change: RegistrationChange

    /// An event from its parts.
    public init(
        release: ReleaseID, base: ReleaseID?, classification: Classification, key: RegistrationKey,
        change: RegistrationChange
    ) {
        self.release = release
        self.base = base
        self.classification = classification
        self.key = key
        self.change = change
    }
}
