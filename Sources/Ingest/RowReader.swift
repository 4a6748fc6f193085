import Ledger

/// Turns the table's data lines into registrations through the columns a header mapped:
/// each cell normalised by its field's type into canonical text, then `Registration(texts:)`.
struct RowReader {
    private let columnCount: Int
    private let columns: [(index: Int, entry: LayoutField)]
    private let combined: [(index: Int, kind: CombinedColumn.Kind)]
    private let required: [Registration.Field]
    private let columnOfField: [Registration.Field: Int]

    /// A reader for the columns of `header`; a target repeated by a later column is read from
    /// its first column only.
    init(header: HeaderMatch) {
        var seen: Set<ColumnTarget> = []
        var columns: [(index: Int, entry: LayoutField)] = []
        var combined: [(index: Int, kind: CombinedColumn.Kind)] = []
        var columnOfField: [Registration.Field: Int] = [:]
        for (index, target) in header.targets.enumerated() {
            guard let target, seen.insert(target).inserted else { continue }
            switch target {
            case .field(let field):
                if let entry = header.layout.entry(for: field) { columns.append((index, entry)) }
                columnOfField[field] = index + 1
            case .combined(let number):
                let kind = header.layout.combined[number].kind
                combined.append((index, kind))
                for field in kind.fills where columnOfField[field] == nil { columnOfField[field] = index + 1 }
            }
        }
        self.columnCount = header.targets.count
        self.columns = columns
        self.combined = combined
        self.required = header.layout.fields.filter(\.required).map(\.field)
        self.columnOfField = columnOfField
    }

    /// The registration on `record`, or nil after reporting what is wrong with it.
    func registration(from record: CSVRecord, problems: inout ProblemList) -> Registration? {
        var texts: [Registration.Field: String] = [:]
        texts.reserveCapacity(columns.count)
        var reported: Set<Registration.Field> = []
        func report(_ field: Registration.Field, column: Int, expected: String, found: String, hint: String? = nil) {
            let line = column <= record.count ? record.line(ofField: column - 1) : record.line
            problems.add(line: line, column: column, field: field.rawValue, expected: expected, found: found, hint: hint)
            reported.insert(field)
        }
        if record.count > columnCount, let extra = (columnCount..<record.count).first(where: { !record.isEmpty(at: $0) }) {
            problems.add(
                line: record.line(ofField: extra), column: extra + 1, field: nil,
                expected: "at most \(columnCount) fields, as many as the header has", found: record.trimmedText(at: extra),
                hint: "quote a value that holds the separator")
            return nil
        }
        for (index, entry) in columns where index < record.count {
            let text = record.trimmedText(at: index)
            guard !text.isEmpty else { continue }
            guard let canonical = entry.canonicalText(text) else {
                report(entry.field, column: index + 1, expected: entry.expectation, found: text)
                continue
            }
            texts[entry.field] = canonical
        }
        for (index, kind) in combined where index < record.count {
            let text = record.trimmedText(at: index)
            guard !text.isEmpty else { continue }
            guard let parts = kind.split(text) else {
                report(kind.fills.last ?? .branch, column: index + 1, expected: kind.expectation, found: text)
                continue
            }
            for (field, value) in parts.sorted(by: { $0.key < $1.key }) {
                if let own = texts[field], own != value {
                    report(field, column: index + 1, expected: "'\(own)' as in column \(columnOfField[field] ?? 0)", found: text)
                } else {
                    texts[field] = value
                }
            }
        }
        for field in required where texts[field] == nil && !reported.contains(field) {
            let expected = columns.first { $0.entry.field == field }?.entry.expectation ?? "a value"
            report(field, column: columnOfField[field] ?? 1, expected: expected, found: "")
        }
        guard reported.isEmpty else { return nil }
        do {
            return try Registration(texts: texts)
        } catch {
            report(error.field, column: columnOfField[error.field] ?? 1, expected: error.field.kind.rawValue, found: error.text ?? "")
            return nil
        }
    }
}
