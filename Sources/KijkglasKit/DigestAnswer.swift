import Ledger

/// The answer to a `DigestRequest`.
public struct DigestAnswer: Sendable {
    /// Every event after the subscriber's cursor, grouped by release.
    public var digest: ChangeDigest
    /// Whether the subscriber was created for this digest, which then holds the whole log.
    public var created: Bool
}
