/// The digest of everything in the log after a subscriber's cursor.
public struct DigestRequest: Sendable, Equatable {
    /// The subscriber whose cursor to read.
    public var subscriber: String
    /// Create the subscriber, its cursor before the first event, when it does not exist.
    public var create: Bool

    /// The digest for `subscriber`, created first if asked.
    public init(subscriber: String, create: Bool = false) {
        self.subscriber = subscriber
        self.create = create
    }
}
