/// An amount of euros as whole cents: exact, never floating point.
public struct Money: Hashable, Comparable, Sendable {
    /// The amount in cents.
    public let cents: Int

    /// An amount from its cents.
    public init(cents: Int) { self.cents = cents }

    /// Parses decimal euro text with at most two decimals and a point: `9059.77`, `-12`, `0.5`.
    public init?(euros text: String) {
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
            let whole = Int(parts[0]), whole >= 0
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
            else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let cents = whole * 100 + fraction
        self.cents = negative ? -cents : cents
    }

    /// Zero euros.
    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }

    public static func * (lhs: Money, rhs: Int) -> Money { Money(cents: lhs.cents * rhs) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Euros and cents with a decimal point: `9059.77`, `-0.05`.
    public var euros: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

extension Money: CustomStringConvertible {
    /// The same as `euros`.
    public var description: String { euros }
}
