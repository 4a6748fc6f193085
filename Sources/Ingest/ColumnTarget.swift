import Ledger

/// What a file column feeds: one canonical field, or a combined column of the layout.
enum ColumnTarget: Hashable, Sendable {
    /// The field.
    case field(Registration.Field)
    /// The combined column at this index of `Layout.combined`.
    case combined(Int)
}
