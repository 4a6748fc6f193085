import Ledger

/// The answer to a `DeliveryRequest` that reached its webhook, or had nothing to post.
public struct DeliveryAnswer: Sendable {
    /// A 2xx answer of the webhook.
    public struct Delivered: Sendable, Equatable {
        /// The HTTP status.
        public var status: Int
        /// The try that got it.
        public var tries: Int
    }

    /// The events posted (or, when empty, the cursor that nothing followed).
    public var digest: ChangeDigest
    /// Whether the subscriber was created for this delivery.
    public var created: Bool
    /// The webhook's 2xx answer; nil when nothing was new, so nothing was posted.
    public var delivered: Delivered?
}
