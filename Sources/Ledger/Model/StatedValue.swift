/// A value as DUO states it: a whole number, an amount, or a small number DUO suppressed.
public enum StatedValue: Hashable, Sendable {
    /// A whole number (may be negative, as growth is).
    case number(Int)
    /// An amount in euros.
    case amount(Money)
    /// Suppressed for privacy: fewer than this many (`<5`).
    case fewerThan(Int)

    /// Whether the ledger's whole number `value` agrees with the stated value: equal, or below
    /// the bound of a suppressed one. An amount agrees with no count.
    public func admits(_ value: Int) -> Bool {
        switch self {
        case .number(let stated): stated == value
        case .fewerThan(let bound): value < bound
        case .amount: false
        }
    }
}

extension StatedValue: CustomStringConvertible {
    /// `12`, `<5`, `€ 9059.77`.
    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .amount(let money): "€ \(money.euros)"
        case .fewerThan(let bound): "<\(bound)"
        }
    }
}
