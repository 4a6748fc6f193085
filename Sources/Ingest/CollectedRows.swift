import Dispatch
import Ledger

/// A file's registrations gathered stretch by stretch in file order, as one sequential read
/// gathers them: each identity kept once (a repeat is a problem naming the first line), the
/// problems of every stretch added in line order, and nothing taken after the problem limit or
/// a parse error.
struct CollectedRows {
    /// The stretches' rows taken so far: each stretch's rows before `end`, but those at `dropped`.
    private var taken: [(rows: MovableRows, end: Int, dropped: [Int])] = []
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
    }

    /// The registrations collected, moved into one array (each stretch's on its own thread):
    /// none are left here.
    mutating func takeRows() -> [Registration] {
        let parts = taken
        var offsets = [0]
        for part in parts { offsets.append(offsets[offsets.count - 1] + part.end - part.dropped.count) }
        let starts = offsets
        let rows = [Registration](unsafeUninitializedCapacity: starts[starts.count - 1]) { buffer, initialized in
            guard let target = buffer.baseAddress.map(Target.init) else { return }
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                _ = parts[index].rows.moveRows(
                    before: parts[index].end, dropping: parts[index].dropped, to: target.base + starts[index])
            }
            initialized = buffer.count
        }
        taken = []
        return rows
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
        var dropped: [Int] = []
        /// Keeps the batch's rows before `end`, but the repeats.
        func keep(before end: Int) {
            taken.append((batch.rows, end, dropped))
        }
        let rows = batch.rows
        for (index, batchLine) in batch.lines.enumerated() {
            guard addProblems(before: batchLine) else {
                keep(before: index)
                return finish()
            }
            let line = batchLine + offset
            let key = RegistrationKey(
                pgn: rows[index].pgn, institution: rows[index].institution, branch: rows[index].branch,
                periodStart: rows[index].periodStart)
            if let first = identities.earlierLine(of: key, line: line) {
                problems.add(
                    line: line, column: 1, field: nil, expected: "one row per pupil, instelling, vestiging and begindatum",
                    found: "\(key)", hint: "line \(first) has the same row")
                if problems.truncated {
                    keep(before: index)
                    return finish()
                }
                dropped.append(index)
            }
        }
        keep(before: batch.lines.count)
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

    /// The array being made, shared by the threads moving rows into their own parts of it.
    private struct Target: @unchecked Sendable {
        let base: UnsafeMutablePointer<Registration>
    }

    private mutating func finish() {
        isFinished = true
    }
}
