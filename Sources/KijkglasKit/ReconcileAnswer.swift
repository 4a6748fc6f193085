import Ledger
import Reports

/// The answer to a `ReconcileRequest`.
public struct ReconcileAnswer: Sendable {
    /// The release reconciled.
    public let release: Release
    /// Figure by figure, or pupil by pupil, what agrees and what may explain a difference.
    public let outcome: ReconcileReport.Outcome
    /// The registration releases known at the release's publication that answered the ledger's
    /// side.
    public let context: ProjectionContext
}
