import Ledger

/// What sealing a release's rows replaced, row by row in the order sealing left them: the PGN
/// and the exact birth date. The write transaction that seals the rows in place runs again from
/// the start after `MDB_MAP_FULL`; `restore` gives it the rows as they came.
struct UnsealedIdentities {
    private let pgns: [PGN]
    private let birthDates: [Day?]

    /// The PGNs and birth dates of `rows` (not yet sealed), in the order `order` gives (positions
    /// in `rows`; nil: the order they have).
    init(of rows: [Registration], in order: [Int]?) {
        if let order {
            pgns = order.map { rows[$0].pgn }
            birthDates = order.map { rows[$0].birthDate }
        } else {
            pgns = rows.map(\.pgn)
            birthDates = rows.map(\.birthDate)
        }
    }

    /// Puts the PGNs and birth dates back into `rows`, sealed in the order this holds them, and
    /// the rows back in identity order.
    func restore(_ rows: inout [Registration]) {
        precondition(rows.count == pgns.count, "rows to restore are the rows that were sealed")
        for index in rows.indices {
            rows[index].pgn = pgns[index]
            rows[index].birthDate = birthDates[index]
        }
        RegistrationDiff.sortByIdentity(&rows)
    }
}
