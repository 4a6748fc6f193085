import Ledger

/// What a file column feeds: a registration's field, a stated figure's field, or a combined
/// column of the layout.
enum ColumnTarget: Hashable, Sendable {
    /// The registration field.
    case field(Registration.Field)
    /// The field of a stated figure's row.
    case figure(FigureField)
    /// The combined column at this index of `Layout.combined`.
    case combined(Int)
}
