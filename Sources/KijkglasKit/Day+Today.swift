import Foundation
import Ledger

extension Day {
    /// Today in UTC, the ledger's clock for what it records itself (an erasure).
    public static var today: Day {
        Day(daysSinceEpoch: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
