import Ledger

/// Turns the data lines of an aggregate file into DUO's stated figures: each line names a cell
/// (SWV, day, schoolsoort, category, description) and states one figure per measure column.
struct FigureRowReader {
    /// The figures of one line and the SWV it names.
    struct Row {
        /// The SWV the line names, nil when it has no SWV column.
        var swv: String?
        /// Its figures, one per measure column with a value.
        var figures: [StatedFigure]
    }

    private struct Column {
        let index: Int
        let field: FigureField
        let type: FieldType
    }

    private let columnCount: Int
    private let columns: [Column]
    private let required: [FigureField]
    private let serialDates: ExcelDateSystem?
    private let referenceDay: Day?

    /// A reader for the figure columns of `header`; a field repeated by a later column is read
    /// from its first column only. With `serialDates` a number in a date column is an Excel
    /// serial day; `referenceDay` (the release's peildatum) is the day of lines without one.
    init(header: HeaderMatch, serialDates: ExcelDateSystem?, referenceDay: Day?) {
        var seen: Set<FigureField> = []
        columns = header.targets.enumerated().compactMap { index, target in
            guard case .figure(let field) = target, seen.insert(field).inserted, let entry = header.layout.entry(for: field)
            else { return nil }
            return Column(index: index, field: field, type: entry.type)
        }
        columnCount = header.targets.count
        required = header.layout.figureFields.filter(\.required).map(\.field)
        self.serialDates = serialDates
        self.referenceDay = referenceDay
    }

    /// The figures on `record`, or nil after reporting what is wrong with it.
    func row(from record: CSVRecord, problems: inout ProblemList) -> Row? {
        var values: [FigureField: CellValue] = [:]
        var reported: Set<FigureField> = []
        if record.reportsExtraFields(beyond: columnCount, into: &problems) { return nil }
        for column in columns where column.index < record.count && !record.isEmpty(at: column.index) {
            let value = record.withTrimmedBytes(at: column.index) { cell -> CellValue? in
                if let value = column.type.value(of: cell, range: nil) { return value }
                guard let serialDates, column.type == .date else { return nil }
                return serialDates.day(cell).map(CellValue.day)
            }
            guard let value else {
                problems.add(
                    line: record.line(ofField: column.index), column: column.index + 1, field: column.field.rawValue,
                    expected: column.type.expectation(range: nil), found: record.trimmedText(at: column.index))
                reported.insert(column.field)
                continue
            }
            values[column.field] = value
        }
        for field in required where values[field] == nil && !reported.contains(field) {
            let column = columns.first { $0.field == field }
            problems.add(
                line: record.line, column: (column?.index ?? 0) + 1, field: field.rawValue,
                expected: column?.type.expectation(range: nil) ?? "a value", found: "")
            reported.insert(field)
        }
        guard reported.isEmpty else { return nil }
        var day: Day? = referenceDay
        if case .day(let stated)? = values[.day] { day = stated }
        var schoolType: SchoolType?
        if case .schoolType(let stated)? = values[.schoolType] { schoolType = stated }
        var category: FundingCategory?
        if case .category(let stated)? = values[.category] { category = stated }
        var label: String?
        if case .text(let stated)? = values[.label] { label = stated }
        var swv: String?
        if case .text(let stated)? = values[.swv] { swv = stated }
        let figures = columns.compactMap { column -> StatedFigure? in
            guard let measure = column.field.measure, case .stated(let value)? = values[column.field] else { return nil }
            return StatedFigure(measure: measure, day: day, schoolType: schoolType, category: category, label: label, value: value)
        }
        guard !figures.isEmpty else {
            problems.add(
                line: record.line, column: (columns.first { $0.field.measure != nil }?.index ?? 0) + 1, field: nil,
                expected: "at least one figure on the line", found: nil)
            return nil
        }
        return Row(swv: swv, figures: figures)
    }
}
