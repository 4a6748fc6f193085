import Ledger

/// Turns the table's data lines into registrations through the columns a header mapped:
/// each cell's bytes normalised by its field's type into a typed value, the values then made
/// into a `Registration`.
struct RowReader: Sendable {
    /// A column read into a field: plain values, so the per-cell loop copies nothing counted.
    private struct Column: Sendable {
        /// The field number in the record, from 0.
        let index: Int
        let field: Registration.Field
        let type: FieldType
        let range: ClosedRange<Int>?
        /// The column's number in a `TextInterner`, when its cells are codes that repeat.
        let interned: Int?

        /// What a cell of the column should hold, for messages.
        var expectation: String { type.expectation(range: range) }
    }

    private let columnCount: Int
    private let columns: [Column]
    private let combined: [(index: Int, kind: CombinedColumn.Kind)]
    private let required: [Registration.Field]
    /// `required` as `RowValues.bits(of:)` gives them.
    private let requiredBits: UInt64
    private let columnOfField: [Registration.Field: Int]
    private let internedColumns: Int
    private let serialDates: ExcelDateSystem?
    private let defaults: [(field: Registration.Field, value: CellValue)]
    /// The pupil a row's registration holds until its own is read; nil only if number 0 were
    /// not one.
    private let placeholder = PGN(value: 0)

    /// A reader for the columns of `header`; a target repeated by a later column is read from
    /// its first column only. With `serialDates` (an XLSX sheet) a number in a date column is an
    /// Excel serial day. `referenceDay` (the release's peildatum) fills the fields of a
    /// reference-day column the file does not have.
    init(header: HeaderMatch, serialDates: ExcelDateSystem? = nil, referenceDay: Day? = nil) {
        self.serialDates = serialDates
        var seen: Set<ColumnTarget> = []
        var columns: [Column] = []
        var combined: [(index: Int, kind: CombinedColumn.Kind)] = []
        var columnOfField: [Registration.Field: Int] = [:]
        var internedColumns = 0
        for (index, target) in header.targets.enumerated() {
            guard let target, seen.insert(target).inserted else { continue }
            switch target {
            case .field(let field):
                if let entry = header.layout.entry(for: field) {
                    let interned = RowReader.internedTypes.contains(entry.type) ? internedColumns : nil
                    internedColumns += interned == nil ? 0 : 1
                    columns.append(Column(index: index, field: field, type: entry.type, range: entry.range, interned: interned))
                }
                columnOfField[field] = index + 1
            case .combined(let number):
                let kind = header.layout.combined[number].kind
                combined.append((index, kind))
                for field in kind.fills where columnOfField[field] == nil { columnOfField[field] = index + 1 }
            case .figure:
                continue
            }
        }
        let referenceColumns = header.layout.combined.indices.filter { header.layout.combined[$0].kind == .referenceDay }
        if let referenceDay, !referenceColumns.contains(where: { seen.contains(.combined($0)) }) {
            defaults = referenceColumns.isEmpty ? [] : CombinedColumn.Kind.referenceDay.fills.map { ($0, CellValue.day(referenceDay)) }
        } else {
            defaults = []
        }
        self.columnCount = header.targets.count
        self.columns = columns
        self.combined = combined
        self.required = header.layout.fields.filter(\.required).map(\.field)
        self.requiredBits = RowValues.bits(of: required)
        self.columnOfField = columnOfField
        self.internedColumns = internedColumns
    }

    /// The types whose cells are codes that repeat from row to row, read through a `TextInterner`.
    private static let internedTypes: Set<FieldType> = [.swvCode, .institution, .branch, .text]

    /// An interner for the columns this reader interns, for one thread's rows.
    func makeTextInterner() -> TextInterner {
        TextInterner(columns: internedColumns)
    }

    /// The registration on `record`, or nil after reporting what is wrong with it; `texts` (from
    /// `makeTextInterner()`) gives the texts of the codes read before. The date cells of a sheet
    /// (with `serialDates`) are noted in `dates`.
    func registration(
        from record: CSVRecord, texts: inout TextInterner, dates: inout DateShapes, problems: inout ProblemList
    ) -> Registration? {
        var reported: Set<Registration.Field> = []
        func report(_ field: Registration.Field, column: Int, expected: String, found: String, hint: String? = nil) {
            let line = column <= record.count ? record.line(ofField: column - 1) : record.line
            problems.add(line: line, column: column, field: field.rawValue, expected: expected, found: found, hint: hint)
            reported.insert(field)
        }
        guard let placeholder else {
            report(.pgn, column: columnOfField[.pgn] ?? 1, expected: Registration.Kind.pgn.rawValue, found: "")
            return nil
        }
        var values = RowValues(placeholder: placeholder)
        for (field, value) in defaults { values.set(field, to: value) }
        if record.reportsExtraFields(beyond: columnCount, into: &problems) { return nil }
        let serialDates = self.serialDates
        record.withCells { cells in
            for column in columns where column.index < cells.count {
                let index = column.index
                let read = cells.withTrimmedBytes(at: index) { cell -> Bool? in
                    if cell.isEmpty { return nil }
                    guard let interned = column.interned else {
                        let read = values.read(cell, as: column.type, into: column.field, range: column.range, serialDates: serialDates)
                        if read, column.type == .date, serialDates != nil, case .day(let day)? = values.value(of: column.field) {
                            dates.note(cell, field: column.field, line: record.line(ofField: index), column: index + 1, day: day)
                        }
                        return read
                    }
                    guard let text = texts.text(of: cell, as: column.type, column: interned) else { return false }
                    values.set(column.field, text: text)
                    return true
                }
                if read == false {
                    let found = record.trimmedText(at: index)
                    report(
                        column.field, column: index + 1, expected: column.expectation, found: found,
                        hint: column.type.droppedZerosHint(found))
                }
            }
        }
        for (index, kind) in combined where index < record.count {
            guard let parts = record.withTrimmedBytes(at: index, { $0.isEmpty ? nil : kind.split($0, serialDates: serialDates) }) else {
                if !record.isEmpty(at: index) {
                    report(kind.fills.last ?? .branch, column: index + 1, expected: kind.expectation, found: record.trimmedText(at: index))
                    reported.formUnion(kind.fills)
                }
                continue
            }
            for (field, value) in parts {
                if let own = values.value(of: field), own != value {
                    report(
                        field, column: index + 1, expected: "'\(own.canonicalText)' as in column \(columnOfField[field] ?? 0)",
                        found: record.trimmedText(at: index))
                } else {
                    values.set(field, to: value)
                }
            }
        }
        if !values.hasAll(requiredBits) {
            for field in required where !values.has(field) && !reported.contains(field) {
                let expected = columns.first { $0.field == field }?.expectation ?? "a value"
                report(field, column: columnOfField[field] ?? 1, expected: expected, found: "")
            }
        }
        guard reported.isEmpty else { return nil }
        do {
            return try (consume values).registration()
        } catch {
            report(error.field, column: columnOfField[error.field] ?? 1, expected: error.field.kind.rawValue, found: "")
            return nil
        }
    }
}
