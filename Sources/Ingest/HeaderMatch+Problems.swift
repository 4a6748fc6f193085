import Ledger

extension HeaderMatch {
    /// Reports the required fields no column fills, each with the headers it did not
    /// recognise and their closest aliases, and columns that repeat a field.
    func report(into problems: inout ProblemList) {
        let unrecognised = missing.isEmpty ? [] : self.unrecognised
        for field in missing {
            let targets = feeding(field)
            let fieldName = name(of: field)
            let suggested = unrecognised.first { item in item.suggestion.map { targets.contains($0.target) } ?? false }
            let names = targets.flatMap { layout.headers(of: $0) }
            var expected = "a column headed '\(names.first ?? fieldName)'"
            if names.count > 1 { expected += " (or " + names.dropFirst().map { "'\($0)'" }.joined(separator: ", ") + ")" }
            var hints: [String] = []
            if let alias = suggested?.suggestion?.alias { hints.append("closest alias '\(alias)'") }
            let others = unrecognised.filter { $0.column != suggested?.column }
            if !others.isEmpty {
                hints.append((suggested == nil ? "unrecognised headers: " : "other unrecognised headers: ")
                    + others.map(describe).joined(separator: ", "))
            }
            hints.append(
                unrecognised.isEmpty
                    ? "add the column, or map its header in \(ReadingOption.layout.words)"
                    : "rename the header, or map it in \(ReadingOption.layout.words)")
            problems.add(
                line: line, column: suggested?.column ?? 1, field: fieldName, expected: expected,
                found: suggested?.header, hint: hints.joined(separator: "; "), option: .layout, foundIsValue: false)
        }
        for (column, first, target) in repeated {
            problems.add(
                line: line, column: column, field: name(of: target), expected: "one column for \(name(of: target))",
                found: nil, hint: "column \(first) gives it already; remove one of them")
        }
    }

    /// The targets that would fill the field `target` feeds: its own column, or a combined one.
    private func feeding(_ target: ColumnTarget) -> [ColumnTarget] {
        guard case .field(let field) = target else { return [target] }
        return [target] + layout.combined.indices.filter { layout.combined[$0].kind.fills.contains(field) }.map { .combined($0) }
    }

    /// `'BSN nummer' (column 2, closest alias 'BSN')`.
    private func describe(_ item: Unrecognised) -> String {
        let suggestion = item.suggestion.map { "closest alias '\($0.alias)' for \(name(of: $0.target))" } ?? "no close alias"
        return "'\(item.header)' (column \(item.column), \(suggestion))"
    }

    /// The field name of `target`, or the reference header of a combined column.
    func name(of target: ColumnTarget) -> String {
        switch target {
        case .field(let field): field.rawValue
        case .figure(let field): field.rawValue
        case .combined(let index): layout.combined[index].headers.first ?? "combined column"
        }
    }
}
