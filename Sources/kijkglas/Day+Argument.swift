import ArgumentParser
import Ingest
import Ledger

extension Day: DescribedArgument {
    /// Accepts the dates DUO's files hold: `dd-mm-jjjj`, `d-m-jjjj` and `jjjj-mm-dd`.
    public init?(argument: String) {
        guard let day = DateText.day(argument) else { return nil }
        self = day
    }

    static let valueName = "date"
    static let valueDescription = "Dates: jjjj-mm-dd or dd-mm-jjjj."
}
