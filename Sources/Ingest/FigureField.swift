import Ledger

/// A canonical field of a row of an aggregate file: the cell the row's figures belong to
/// (SWV, day, schoolsoort, category, description) or one of the figures it states. The raw
/// value is the name layouts use.
public enum FigureField: String, CaseIterable, Hashable, Sendable {
    case swv, day, label, schoolType, category
    case count, countOctober, countFebruary, growth, amountPerPupil, transferDuty

    /// The measure a column of this field states, nil for the fields that name the cell.
    public var measure: StatedFigure.Measure? { StatedFigure.Measure(rawValue: rawValue) }

    /// The types that read this field's cells.
    var types: [FieldType] {
        switch self {
        case .swv: [.swvCode]
        case .day: [.date]
        case .label: [.text]
        case .schoolType: [.schoolType]
        case .category: [.category]
        case .count, .countOctober, .countFebruary, .growth: [.statedCount]
        case .amountPerPupil, .transferDuty: [.amount]
        }
    }
}
