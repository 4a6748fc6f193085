import Ledger
import Reports

/// The answer to a `FundingRequest`.
public struct FundingAnswer: Sendable {
    /// The funding, per line and in total.
    public let funding: Funding
    /// The releases that answered it.
    public let context: ProjectionContext
}
