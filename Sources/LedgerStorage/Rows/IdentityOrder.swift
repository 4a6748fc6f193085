import Ledger

/// The order of a release's rows by identity, as positions in the array that holds them: sealing
/// gives pupils numbers that need not rise with their PGNs, and a release's rows (the largest
/// thing an ingest holds) are read in this order rather than moved into it.
struct IdentityOrder {
    /// The position of the row of each rank; nil when the rows are in identity order already.
    let positions: [Int]?

    /// Rows already in identity order.
    static let asTheyAre = IdentityOrder(positions: nil)

    /// The position of the row of rank `rank` in identity order.
    @inline(__always)
    subscript(rank: Int) -> Int {
        positions?[rank] ?? rank
    }

    /// `rows` in identity order.
    func arranged(_ rows: [Registration]) -> [Registration] {
        positions.map { $0.map { rows[$0] } } ?? rows
    }
}
