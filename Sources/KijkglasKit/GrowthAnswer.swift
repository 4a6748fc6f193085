import Ledger
import Reports

/// The answer to a `GrowthRequest`.
public struct GrowthAnswer: Sendable {
    /// The growth, per category and per pupil.
    public let growth: Growth
    /// The releases that answered it.
    public let context: ProjectionContext
}
