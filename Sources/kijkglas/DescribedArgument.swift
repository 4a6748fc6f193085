import ArgumentParser

/// A value the command line reads whose help names it and says what it accepts, beside the
/// option's own abstract (argument-parser takes a value's name from the option's `ArgumentHelp`
/// only, so every option of such a type says `help: .value("…", Day.self)`).
protocol DescribedArgument: ExpressibleByArgument {
    /// The name of the value in usage lines: `--on <date>`.
    static var valueName: String { get }
    /// What the value may be, a sentence shown after the option's abstract.
    static var valueDescription: String { get }
}

extension ArgumentHelp {
    /// The help of an option or argument of type `type`: `abstract`, with the value's name and
    /// what it accepts.
    static func value<Value: DescribedArgument>(_ abstract: String, _ type: Value.Type) -> ArgumentHelp {
        ArgumentHelp("\(abstract) \(Value.valueDescription)", valueName: Value.valueName)
    }
}
