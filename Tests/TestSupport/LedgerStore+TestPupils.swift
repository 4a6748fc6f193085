import Ledger
import LedgerStorage

extension LedgerStore {
    /// `rows` as this ledger (sealed with the tests' key) stores them: each PGN as its pupil
    /// number, each birth date coarse; in identity order, as the ledger keeps them.
    public func asStored(_ rows: [Registration]) throws -> [Registration] {
        let key = try TestKey.ledgerKey()
        let thresholds = try TestKey.ageThresholds()
        var numbers: [PGN: PGN] = [:]
        return try rows.map { row in
            var stored = row
            if numbers[row.pgn] == nil { numbers[row.pgn] = try pupilNumber(of: row.pgn, key: key) ?? row.pgn }
            stored.pgn = numbers[row.pgn] ?? row.pgn
            stored.birthDate = thresholds.coarsened(row.birthDate)
            return stored
        }.sorted { $0.key < $1.key }
    }

    /// `rows` of this ledger with their pupil numbers turned back into PGNs (birth dates stay
    /// coarse), in identity order.
    public func revealed(_ rows: [Registration]) throws -> [Registration] {
        let names = try identities(of: rows.map(\.pgn), key: try TestKey.ledgerKey())
        return rows.map { row in
            var named = row
            named.pgn = names[row.pgn] ?? row.pgn
            return named
        }.sorted { $0.key < $1.key }
    }

    /// How to name `pupils` (pupil numbers of this ledger) by their PGNs.
    public func revealing(_ pupils: some Sequence<PGN>) throws -> (PGN) -> PGN {
        let names = try identities(of: pupils, key: try TestKey.ledgerKey())
        return { names[$0] ?? $0 }
    }

    /// A pupil number of this ledger turned back into its PGN.
    public func revealed(_ pupil: PGN) throws -> PGN {
        try identities(of: [pupil], key: try TestKey.ledgerKey())[pupil] ?? pupil
    }

    /// Counted pupils of this ledger, each as its PGN, counting row (pupil as PGN) and paying SWV,
    /// in PGN order: comparable across ledgers, whose pupil numbers differ.
    public func revealed(_ counted: CountedPupils?) throws -> [String]? {
        guard let counted else { return nil }
        let names = try identities(of: counted.pupils.map(\.pgn), key: try TestKey.ledgerKey())
        return counted.pupils.map { pupil -> (PGN, String) in
            var row = pupil.row
            row.pgn = names[row.pgn] ?? row.pgn
            return (row.pgn, "\(row) paid by \(pupil.payingSwv ?? "-")")
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
