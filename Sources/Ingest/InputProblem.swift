import Foundation
import Ledger

/// One thing wrong with an input file, located like a compiler diagnostic:
/// `file.csv:12:3: error: pgn: expected 9 digits, found '*******89'`.
///
/// `found` is masked when the problem is made: a PGN shows only its last two digits, a birth
/// date only its shape, and any other run of seven or more digits only its last two, so no
/// message ever carries a pupil's number.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file name.
    public var file: String
    /// The line, from 1; 0 when about the file as a whole.
    public var line: Int
    /// The field number on the line, from 1; 0 when about the file or line as a whole.
    public var column: Int
    /// The canonical field (or metadata item) concerned, if any.
    public var field: String?
    /// What the file should hold there.
    public var expected: String
    /// What it holds instead, masked; "" for nothing, nil when not about a value.
    public var found: String?
    /// How to fix it, when more can be said.
    public var hint: String?
    /// The option of the reading that can fix it, named in `expected` or `hint` by its words.
    public var option: ReadingOption?
    /// Whether the line is a worksheet row and the column its column: the location is then
    /// written as a cell name (`K11`).
    public var namesCell = false

    /// A problem; `found` (a value of `field`) and `hint` are masked here; `option`, named by
    /// its words in `expected` or `hint`, can fix it.
    public init(
        file: String, line: Int, column: Int, field: String?, expected: String, found: String?,
        hint: String? = nil, option: ReadingOption? = nil
    ) {
        self.init(
            file: file, line: line, column: column, field: field, expected: expected, found: found, hint: hint, option: option,
            foundIsValue: true)
    }

    /// A problem whose `found` is a value of `field`, masked as such, or (`foundIsValue` false)
    /// other text such as a header, masked only for long digit runs.
    init(
        file: String, line: Int, column: Int, field: String?, expected: String, found: String?, hint: String?,
        option: ReadingOption?, foundIsValue: Bool
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.expected = expected
        self.found = found.map { InputProblem.mask($0, field: foundIsValue ? field : nil) }
        self.hint = hint.map { PGN.mask($0) }
        self.option = option
    }

    /// `file.csv:12:3: error: pgn: expected 9 digits, found '*******89'` (`file.xlsx:C12: …` for
    /// a cell of a sheet), then the hint, the option named in words; control characters escaped,
    /// so it is one line.
    public var description: String { text(naming: \.words) }

    /// The description with the option that fixes the problem named by `name`, as an interface
    /// names it (a flag, a form field).
    public func text(naming name: (ReadingOption) -> String) -> String {
        func named(_ text: String) -> String {
            guard let option else { return text }
            return text.replacingOccurrences(of: option.words, with: name(option))
        }
        var text = file
        if line > 0 && column > 0 && namesCell {
            text += ":" + InputProblem.columnName(column) + "\(line)"
        } else if line > 0 {
            text += (namesCell ? ":row " : ":") + "\(line)" + (column > 0 ? ":\(column)" : "")
        }
        text += ": error: "
        if let field { text += "\(field): " }
        text += "expected \(named(expected))"
        if let found { text += found.isEmpty ? ", found nothing" : ", found '\(found)'" }
        if let hint { text += "; \(named(hint))" }
        return text.escapingControlCharacters
    }

    /// `text` fit to show: a PGN keeps its last two characters, a birth date its shape, and
    /// anything else loses every run of seven or more digits but the last two.
    static func mask(_ text: String, field: String?) -> String {
        switch field {
        case Registration.Field.pgn.rawValue?:
            String(repeating: "*", count: max(0, text.count - 2)) + text.suffix(2)
        case Registration.Field.birthDate.rawValue?:
            String(text.map { $0.isNumber ? "*" : $0 })
        default:
            PGN.mask(text)
        }
    }

    /// Column `number` (from 1) as a spreadsheet names it: A, …, Z, AA, ….
    public static func columnName(_ number: Int) -> String {
        var number = number
        var name = ""
        while number > 0 {
            let digit = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            number = (number - 1) / 26
        }
        return name
    }
}
