import Ledger

/// A file's registrations gathered stretch by stretch in file order, as one sequential read
/// gathers them: each identity kept once (a repeat is a problem naming the first line), the
/// problems of every stretch added in line order, and nothing taken after the problem limit or
/// a parse error.
struct CollectedRows {
    /// The registrations so far.
    private(set) var rows: [Registration] = []
    /// The problems so far, the file's earlier ones (block, header) first.
    private(set) var problems: ProblemList
    /// The line the next stretch starts on.
    private(set) var nextLine: Int
    /// Whether reading is over: the problem limit was passed or the file cannot be parsed further.
    private(set) var isFinished: Bool
    private var identities: IdentityLines

    /// Rows to be collected after `problems`, from `line` on; room for `expectedRows`.
    init(problems: ProblemList, line: Int, expectedRows: Int) {
        self.problems = problems
        self.nextLine = line
        self.isFinished = problems.truncated
        self.identities = IdentityLines(expected: expectedRows)
        rows.reserveCapacity(expectedRows)
    }

    /// Takes the next stretch: `batch`, read from `nextLine` on.
    mutating func take(_ batch: RowBatch) {
        guard !isFinished else { return }
        let offset = nextLine - batch.firstLine
        var next = batch.problems.startIndex
        /// Adds the stretch's problems on records before `line`; false once past the limit.
        func addProblems(before line: Int) -> Bool {
            while next < batch.problems.endIndex, batch.problems[next].recordLine < line {
                var problem = batch.problems[next].problem
                problem.line += offset
                problems.add(problem)
                next += 1
                if problems.truncated { return false }
            }
            return true
        }
        for (row, batchLine) in zip(batch.rows, batch.lines) {
            guard addProblems(before: batchLine) else { return finish() }
            let line = batchLine + offset
            if let first = identities.earlierLine(of: row, line: line) {
                problems.add(
                    line: line, column: 1, field: nil, expected: "one row per pupil, instelling, vestiging and begindatum",
                    found: "\(row.key)", hint: "line \(first) has the same row")
                if problems.truncated { return finish() }
                continue
            }
            rows.append(row)
        }
        guard addProblems(before: .max) else { return finish() }
        if batch.truncated {
            problems.truncate()
            return finish()
        }
        if var error = batch.error {
            error.line += error.line > 0 ? offset : 0
            problems.add(error)
            return finish()
        }
        nextLine = batch.endLine + offset
    }

    private mutating func finish() {
        isFinished = true
    }
}
