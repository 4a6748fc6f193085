import Reports

/// Markup for a page: text interpolated into it is escaped, markup interpolated stays as it is,
/// so a value from the ledger or a request can never become markup by accident.
struct HTML: Sendable, ExpressibleByStringInterpolation {
    /// The markup.
    private(set) var markup: String

    /// Markup taken as it is: only for markup made by a renderer (`Reports`' SVG charts).
    init(trusted markup: String) {
        self.markup = markup
    }

    /// Markup from a literal.
    init(stringLiteral value: String) {
        markup = value
    }

    /// Markup from an interpolation.
    init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    /// The pieces one after another.
    init(_ pieces: [HTML]) {
        markup = pieces.map(\.markup).joined()
    }

    /// Builds markup: literals as they are, text escaped, markup inserted.
    struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity * 2)
        }

        mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) {
            markup += HTMLText.escape(text)
        }

        /// A number, in Dutch notation.
        mutating func appendInterpolation(_ number: Int) {
            markup += DutchFormat.number(number)
        }

        /// Markup.
        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        /// Pieces of markup, one after another.
        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { markup += piece.markup }
        }
    }
}
