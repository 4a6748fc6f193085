/// Every problem found in one or more input files; nothing from them should be recorded.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var problems: [InputProblem]
    /// Whether reading stopped at the problem limit, so more may exist.
    public var truncated: Bool

    /// An error of `problems`; `truncated` when reading stopped at the limit.
    public init(problems: [InputProblem], truncated: Bool) {
        self.problems = problems
        self.truncated = truncated
    }

    /// One line per problem, then a note when the list was cut short.
    public var description: String { text(naming: \.words) }

    /// The description with the options that fix problems named by `name`, as an interface
    /// names them (a flag, a form field).
    public func text(naming name: (ReadingOption) -> String) -> String {
        var lines = problems.map { $0.text(naming: name) }
        if truncated {
            lines.append("note: stopped after \(problems.count) problems; fix these and run again to see more")
        }
        return lines.joined(separator: "\n")
    }
}
