/// A layout file (built in or `--layout FILE`) that cannot be used, and why.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// What is wrong, with where in the file when known (`fields[3].name`).
    public var message: String

    /// An error about `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `path: error: message`.
    public var description: String { "\(file): error: \(message)" }
}
