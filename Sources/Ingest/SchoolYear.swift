import Ledger

/// School years: 1 August to 31 July, written `2021-2022`.
enum SchoolYear {
    /// What a school year should look like, for messages.
    static let expectation = "a school year like 2021-2022"

    /// The canonical `2021-2022` for `2021-2022`, `2021/2022`, `2021 - 2022` or `2021-22`; nil
    /// when the text is none or the years do not follow each other.
    static func canonical(_ text: some StringProtocol) -> String? {
        let parts = text.split { $0 == "-" || $0 == "/" }.map { $0.trimmingSpaces }
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4 || parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let first = Int(parts[0]), let second = Int(parts[1])
        else { return nil }
        let expected = parts[1].count == 4 ? first + 1 : (first + 1) % 100
        return second == expected ? "\(first)-\(first + 1)" : nil
    }

    /// The school year `day` falls in.
    static func containing(_ day: Day) -> String {
        let (year, month, _) = day.components
        let first = month >= 8 ? year : year - 1
        return "\(first)-\(first + 1)"
    }
}
