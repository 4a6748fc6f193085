extension KijkglasError {
    /// A message: text with the terms of a question left for the reader to name, written as a
    /// string literal with `\(Term.knownAt)` where a term goes.
    public struct Message: Sendable, Equatable, ExpressibleByStringInterpolation {
        /// A run of text or a term.
        enum Piece: Sendable, Equatable {
            case text(String)
            case term(Term)
        }

        var pieces: [Piece]

        /// A message without terms.
        public init(stringLiteral value: String) {
            pieces = [.text(value)]
        }

        /// A message with terms.
        public init(stringInterpolation: Interpolation) {
            pieces = stringInterpolation.pieces
        }

        /// The terms the message names.
        public var terms: [Term] {
            pieces.compactMap { if case .term(let term) = $0 { term } else { nil } }
        }

        /// The text with each term named by `name`.
        public func text(naming name: (Term) -> String) -> String {
            pieces.map {
                switch $0 {
                case .text(let text): text
                case .term(let term): name(term)
                }
            }.joined()
        }

        /// Builds a message from literals, values and terms.
        public struct Interpolation: StringInterpolationProtocol {
            var pieces: [Piece] = []

            public init(literalCapacity: Int, interpolationCount: Int) {}

            /// Text.
            public mutating func appendLiteral(_ literal: String) {
                pieces.append(.text(literal))
            }

            /// A value, as its description.
            public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
                pieces.append(.text(value.description))
            }

            /// A term, named by whoever shows the message.
            public mutating func appendInterpolation(_ term: Term) {
                pieces.append(.term(term))
            }

            /// Another message, with its terms.
            public mutating func appendInterpolation(_ message: Message) {
                pieces += message.pieces
            }
        }
    }
}
