import Ledger

/// Numbers and amounts as Dutch readers write them: in the HTML reports, and for euros in
/// every text output.
public enum DutchFormat {
    /// `1.234`, `-56`: thousands separated by a point.
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `+12`, `-3`, `0`: a revision or growth with its sign.
    public static func signed(_ value: Int) -> String {
        (value > 0 ? "+" : "") + number(value)
    }

    /// `€ 9.059,77`, `-€ 12,50`: euros with thousands separated by a point and a decimal comma.
    public static func euro(_ money: Money) -> String {
        (money.cents < 0 ? "-€ " : "€ ") + number(Int(money.cents.magnitude / 100)) + "," + cents(money)
    }

    /// `9059,77`, `-12,50`: euros with a decimal comma and no grouping, as a Dutch spreadsheet
    /// reads a number from a `;`-separated CSV file.
    public static func decimal(_ money: Money) -> String {
        (money.cents < 0 ? "-" : "") + String(money.cents.magnitude / 100) + "," + cents(money)
    }

    private static func cents(_ money: Money) -> String {
        let cents = money.cents.magnitude % 100
        return (cents < 10 ? "0" : "") + String(cents)
    }
}
