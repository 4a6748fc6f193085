/// A persoonsgebonden nummer (BSN or onderwijsnummer): nine digits identifying a pupil; or, in
/// the rows a ledger stores, the ledger's own pupil number that stands for one.
///
/// Personal data: `description` is masked so a PGN interpolated into a log line or error
/// message never shows; `digits` gives the real number only where the user asked for it.
/// A ledger holds no PGN in the clear: it stores each pupil's number in the same slot, as
/// `pupilNumberBase` + the number, a range no nine-digit PGN can take, and keeps the PGN itself
/// encrypted (see `docs/privacy.md`).
public struct PGN: Hashable, Comparable, Sendable {
    /// The number: a PGN, 0 ... 999_999_999, or `pupilNumberBase` + a pupil number.
    public let value: UInt32

    /// Where pupil numbers start in `value`: above every nine-digit number.
    public static let pupilNumberBase: UInt32 = 1_000_000_000

    /// The largest pupil number `value` can carry.
    public static let maxPupilNumber: UInt32 = UInt32.max - pupilNumberBase

    /// The ledger's pupil number `number` in a PGN's place; nil beyond `maxPupilNumber`.
    public init?(pupilNumber number: UInt32) {
        guard number <= PGN.maxPupilNumber else { return nil }
        self.value = PGN.pupilNumberBase + number
    }

    /// Whether this is a ledger's pupil number, not a real PGN.
    public var isPupilNumber: Bool { value >= PGN.pupilNumberBase }

    /// The ledger's pupil number this carries; nil for a real PGN.
    public var pupilNumber: UInt32? { isPupilNumber ? value - PGN.pupilNumberBase : nil }

    /// A PGN or pupil number as a stored record holds it: any value but one of ten digits below
    /// `pupilNumberBase` (there is none), so every UInt32 is one or the other.
    package init(storedValue value: UInt32) {
        self.value = value
    }

    /// A PGN from its numeric value; nil when it has more than nine digits.
    public init?(value: UInt32) {
        guard value <= 999_999_999 else { return nil }
        self.value = value
    }

    /// A PGN from exactly nine ASCII digits, or a pupil number from `#` and its digits (as
    /// `digits` writes it); nil otherwise.
    public init?(digits text: some StringProtocol) {
        if text.first == "#" {
            let rest = text.dropFirst()
            guard !rest.isEmpty, rest.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = UInt32(rest) else { return nil }
            self.init(pupilNumber: number)
            return
        }
        guard text.utf8.count == 9, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let number = UInt32(text)
        else { return nil }
        self.init(storedValue: number)
    }

    /// The full nine digits. Personal data: only for output the user explicitly asked for.
    /// A pupil number shows as `#` and the number: it is no PGN and reveals none.
    public var digits: String {
        if let pupilNumber { return "#\(pupilNumber)" }
        let text = String(value)
        return String(repeating: "0", count: 9 - text.count) + text
    }

    /// The masked form shown everywhere else: all but the last two digits hidden; a pupil
    /// number as `#` and the number.
    public var masked: String {
        if let pupilNumber { return "#\(pupilNumber)" }
        return "*******" + digits.suffix(2)
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
