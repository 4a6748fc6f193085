/// The registration events between two releases of a scope.
public struct ReleaseDiff: Sendable {
    /// The release diffed from.
    public var from: Release
    /// The release diffed to.
    public var to: Release
    /// The events, in row-identity order.
    public var events: [RegistrationEvent]

    /// The events from `from` to `to`.
    public init(from: Release, to: Release, events: [RegistrationEvent]) {
        self.from = from
        self.to = to
        self.events = events
    }

    /// Number of corrections of the past among the events.
    public var corrections: Int { events.filter { $0.classification == .correction }.count }
}
