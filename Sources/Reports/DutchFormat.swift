/// Numbers as Dutch readers write them, for the Dutch HTML reports.
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
}
