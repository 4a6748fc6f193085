extension CSVRecord {
    /// Reports the first non-empty field past the header's `columnCount` columns, if any, and
    /// tells whether it did: such a line holds an unquoted separator.
    func reportsExtraFields(beyond columnCount: Int, into problems: inout ProblemList) -> Bool {
        guard count > columnCount, let extra = (columnCount..<count).first(where: { !isEmpty(at: $0) }) else { return false }
        problems.add(
            line: line(ofField: extra), column: extra + 1, field: nil,
            expected: "at most \(columnCount) fields, as many as the header has", found: trimmedText(at: extra),
            hint: problems.namesCells
                ? "the cell is right of the header's last column: give its column a header or clear it"
                : "quote a value that holds the separator")
        return true
    }
}
