import Ledger
import Reports

/// The answer to a `CountRequest`.
public enum CountAnswer: Sendable {
    /// The count of one SWV, with the releases that answered it.
    case oneSWV(count: PupilCount, context: ProjectionContext)
    /// The counts of every SWV of the ledger, each from its own releases.
    case everySWV(EverySWVCount)
}
