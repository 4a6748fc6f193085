/// Posting the digest of everything after a subscriber's cursor to a webhook.
public struct DeliveryRequest: Sendable {
    /// The subscriber whose cursor to read and, on a 2xx answer, to move.
    public var subscriber: String
    /// Create the subscriber, its cursor before the first event, when it does not exist.
    public var create: Bool
    /// Where and how to post.
    public var webhook: WebhookDelivery

    /// The delivery of `subscriber`'s digest through `webhook`, created first if asked.
    public init(subscriber: String, create: Bool = false, webhook: WebhookDelivery) {
        self.subscriber = subscriber
        self.create = create
        self.webhook = webhook
    }
}
