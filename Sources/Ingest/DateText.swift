import Ledger

/// Reading the dates DUO's files hold: `dd-mm-jjjj` (DUO style), `d-m-jjjj` and `jjjj-mm-dd`;
/// `/` and `.` work as separators too.
enum DateText {
    /// What a date cell should hold, for messages.
    static let expectation = "a date dd-mm-jjjj (or jjjj-mm-dd)"

    /// The day `text` names, or nil when it is malformed or no real day (31-02-2021).
    static func day(_ text: some StringProtocol) -> Day? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let counts = parts.map(\.count)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if counts == [4, 2, 2] { return Day(year: numbers[0], month: numbers[1], day: numbers[2]) }
        guard counts[2] == 4, (1...2).contains(counts[0]), (1...2).contains(counts[1]) else { return nil }
        return Day(year: numbers[2], month: numbers[1], day: numbers[0])
    }
}
