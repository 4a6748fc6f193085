import Ledger

/// Which pupils are past the retention period (`Schemas/rules/retention.json`) and, when
/// `apply`, their erasure.
public struct RetentionRequest: Sendable, Equatable {
    /// The day retention is measured on (default: today).
    public var on: Day
    /// Erase them, rather than list them.
    public var apply: Bool

    /// Retention as of `on`; a dry run unless `apply`.
    public init(on: Day = .today, apply: Bool = false) {
        self.on = on
        self.apply = apply
    }
}
