import Ledger
import LedgerStorage

extension LedgerSession {
    /// The ledger's key from the session's key file.
    /// - Throws: a usage failure naming how to get the key file when it is missing, is no key,
    ///   or is not this ledger's.
    func ledgerKey() throws(KijkglasError) -> LedgerKey {
        let key = try keyFile.load()
        try KijkglasError.mapping { try store.check(key) }
        return key
    }

    /// Refuses unless the session's key file is there and is the ledger's: asked before showing
    /// whole PGNs or finding a pupil by PGN.
    public func requireKey() throws(KijkglasError) {
        _ = try ledgerKey()
    }

    /// The key that shows pupils' PGNs: nil when the key file was not named and is not beside
    /// the ledger (answers then name pupils by their number).
    func revealingKey() throws(KijkglasError) -> LedgerKey? {
        guard keyFile.named || keyFile.exists else { return nil }
        return try ledgerKey()
    }

    /// How answers name `pupils`: the PGN each pupil number stands for when the key is there,
    /// else the pupil number itself.
    func pupilNames(_ pupils: some Sequence<PGN>) throws(KijkglasError) -> (PGN) -> PGN {
        guard let key = try revealingKey() else { return { $0 } }
        let names = try KijkglasError.mapping { try store.identities(of: pupils, key: key) }
        return { names[$0] ?? $0 }
    }
}
