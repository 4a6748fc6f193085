import Ledger

/// What reading one stretch of a file's data lines gave, with lines counted as its reader
/// counted them (from 1 at a stretch's start, when read on its own): its registrations and the problems on its lines, each with the line of its record, so
/// stretches read on different threads can be joined as one sequential read would have read them.
struct RowBatch: Sendable {
    /// The registrations, in file order (identities not yet checked for repeats).
    var rows: MovableRows
    /// The line each row's record starts on.
    var lines: [Int] = []
    /// The problems, in the order found: each with the line its record starts on.
    var problems: [(recordLine: Int, problem: InputProblem)] = []
    /// Whether reading stopped at the problem limit (a problem was dropped).
    var truncated = false
    /// How the stretch's date cells were written (a sheet's only).
    var dates = DateShapes()
    /// The parse error that ended the stretch early, if one did.
    var error: CSVError?
    /// The line the stretch starts on.
    var firstLine = 1
    /// The line after the stretch's last record.
    var endLine = 1

    /// A batch of no rows that `error` ended before its first record.
    init(error: CSVError) {
        rows = MovableRows(capacity: 0)
        self.error = error
    }

    /// Reads every record left in `csv` with `reader`, blank lines skipped, until the end of its
    /// source, an error, or `limit` problems; `namesCells` when the lines are a sheet's rows.
    init<Source: ByteSource>(
        reading csv: inout CSVReader<Source>, with reader: RowReader, file: String, limit: Int, expectedRows: Int,
        namesCells: Bool = false
    ) {
        rows = MovableRows(capacity: expectedRows)
        lines.reserveCapacity(expectedRows)
        var found = ProblemList(file: file, limit: limit)
        found.namesCells = namesCells
        firstLine = csv.nextLine
        var texts = reader.makeTextInterner()
        do {
            while !found.truncated, let record = try csv.next() {
                guard !record.isBlank else { continue }
                let row = reader.registration(from: record, texts: &texts, dates: &dates, problems: &found)
                if found.problems.count > problems.count {
                    for problem in found.problems[problems.count...] { problems.append((record.line, problem)) }
                }
                guard let row else { continue }
                rows.append(row)
                lines.append(record.line)
            }
        } catch {
            self.error = error
        }
        truncated = found.truncated
        endLine = csv.nextLine
    }
}
