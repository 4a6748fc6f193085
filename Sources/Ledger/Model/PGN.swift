/// A persoonsgebonden nummer (BSN or onderwijsnummer): nine digits identifying a pupil.
///
/// Personal data: `description` is masked so a PGN interpolated into a log line or error
/// message never shows; `digits` gives the real number only where the user asked for it.
public struct PGN: Hashable, Comparable, Sendable {
    /// The number, 0 ... 999_999_999.
    public let value: UInt32

    /// A PGN from its numeric value; nil when it has more than nine digits.
    public init?(value: UInt32) {
        guard value <= 999_999_999 else { return nil }
        self.value = value
    }

    /// A PGN from a value already checked to be at most 999 999 999 (a checked stored record).
    package init(uncheckedValue value: UInt32) {
        self.value = value
    }

    /// A PGN from exactly nine ASCII digits; nil otherwise.
    public init?(digits text: some StringProtocol) {
        guard text.utf8.count == 9, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let number = UInt32(text)
        else { return nil }
        self.value = number
    }

    /// The full nine digits. Personal data: only for output the user explicitly asked for.
    public var digits: String {
        let text = String(value)
        return String(repeating: "0", count: 9 - text.count) + text
    }

    /// The masked form shown everywhere else: all but the last two digits hidden.
    public var masked: String {
        "*******" + digits.suffix(2)
    }

    /// Masks any text that may hold a PGN or other personal number: every run of
    /// seven or more digits keeps only its last two.
    public static func mask(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.count >= 7 ? String(repeating: "*", count: run.count - 2) + run.suffix(2) : run
            run = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    public static func < (lhs: PGN, rhs: PGN) -> Bool { lhs.value < rhs.value }
}

extension PGN: CustomStringConvertible {
    public var description: String { masked }
}
