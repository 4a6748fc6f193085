import ArgumentParser
import Ledger

extension Day: ExpressibleByArgument {
    /// Accepts `jjjj-mm-dd` and DUO's `dd-mm-jjjj`.
    public init?(argument: String) {
        if let day = Day(iso: argument) {
            self = day
            return
        }
        let parts = argument.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let day = Day(year: parts[2], month: parts[1], day: parts[0]) else { return nil }
        self = day
    }

    public static var defaultValueDescription: String { "jjjj-mm-dd or dd-mm-jjjj" }
}
