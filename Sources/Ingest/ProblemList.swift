/// The problems found in one file, up to a limit.
struct ProblemList {
    /// The file name every problem names.
    let file: String
    /// How many problems to keep.
    let limit: Int
    /// The problems kept.
    private(set) var problems: [InputProblem] = []
    /// Whether a problem beyond the limit was dropped.
    private(set) var truncated = false
    /// Whether lines are a sheet's rows and columns its columns, so problems name cells (`K11`).
    var namesCells = false

    /// Whether there are problems.
    var isEmpty: Bool { problems.isEmpty }

    /// Whether a problem about `field` (a canonical field or metadata item) was added.
    func has(field: String) -> Bool {
        problems.contains { $0.field == field }
    }

    /// Adds a problem at `line` and `column`; beyond the limit it only sets `truncated`.
    /// `found` is a value of `field` unless `foundIsValue` is false (a header, say).
    mutating func add(
        line: Int, column: Int, field: String?, expected: String, found: String?, hint: String? = nil,
        option: ReadingOption? = nil, foundIsValue: Bool = true
    ) {
        guard problems.count < limit else {
            truncated = true
            return
        }
        var problem = InputProblem(
            file: file, line: line, column: column, field: field, expected: expected, found: found,
            hint: hint, option: option, foundIsValue: foundIsValue)
        problem.namesCell = namesCells
        problems.append(problem)
    }

    /// Adds `problem`, found and made elsewhere (on another thread); beyond the limit it only
    /// sets `truncated`.
    mutating func add(_ problem: InputProblem) {
        guard problems.count < limit else {
            truncated = true
            return
        }
        var problem = problem
        problem.namesCell = problem.namesCell || namesCells
        problems.append(problem)
    }

    /// Notes that a problem beyond the limit was found elsewhere and dropped there.
    mutating func truncate() {
        truncated = true
    }

    /// Adds a parse error of the CSV layer.
    mutating func add(_ error: CSVError) {
        add(line: error.line, column: error.column, field: nil, expected: error.expected, found: nil,
            hint: "found \(error.found)")
    }

    /// Adds a problem of an XLSX container.
    mutating func add(_ error: XLSXError) {
        add(line: 0, column: 0, field: nil, expected: error.expected, found: nil, hint: "found \(error.found)", option: error.option)
    }

    /// The problems as an error, in line order.
    var error: InputError {
        let sorted = problems.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }
        return InputError(problems: sorted.map(\.element), truncated: truncated)
    }
}
