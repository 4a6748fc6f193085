/// Why a CSV byte stream cannot be parsed further, and where (1-based line; column = field
/// number; 0 when not about a position).
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The bytes could not be read at all; the reason.
        case unreadable(String)
        /// A quoted field never closes: the end of the input came first.
        case unbalancedQuote
        /// A closing quote is followed by something other than a separator or line end.
        case textAfterQuote
        /// The field's bytes are not valid UTF-8.
        case invalidUTF8
        /// The field holds text encoded twice: `found` (`Ã¶`) where `meant` (`ö`) was meant.
        case doubleEncoded(found: String, meant: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The line the problem starts on, from 1; 0 for the input as a whole.
    public var line: Int
    /// The field number on that line, from 1; 0 for the input as a whole.
    public var column: Int

    /// An error of `kind` at `line` and `column`.
    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// What the input should have held there.
    public var expected: String {
        switch kind {
        case .unreadable: "a readable file"
        case .unbalancedQuote: "a closing '\"' for the quote that opens this field"
        case .textAfterQuote: "a separator or line end after a closing '\"' (write a quote inside a quoted field as '\"\"')"
        case .invalidUTF8: "UTF-8 text"
        case .doubleEncoded: "text encoded once"
        }
    }

    /// What it held instead.
    public var found: String {
        switch kind {
        case .unreadable(let reason): reason
        case .unbalancedQuote: "the end of the file"
        case .textAfterQuote: "more text"
        case .invalidUTF8:
            "a byte that is not UTF-8 in a file that is UTF-8 elsewhere (a character typed or pasted in another "
                + "encoding); nothing of the file is guessed: retype that character, or save the file again as UTF-8"
        case .doubleEncoded(let found, let meant):
            "'\(found)' where '\(meant)' was meant: the file's UTF-8 text was read as Windows-1252 and saved again "
                + "(what opening a CSV file by double-click in Excel and saving it does); ingest the file as downloaded "
                + "from Mijn DUO, or open it in Excel with Data > From Text/CSV and file origin 65001: Unicode (UTF-8)"
        }
    }

    /// `line:column: expected …, found …`.
    public var description: String { "\(line):\(column): expected \(expected), found \(found)" }
}
