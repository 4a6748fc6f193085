import KijkglasKit

extension WebApp {
    /// Whether the page shows whole PGNs: only when the user posted the page's "show" button,
    /// and then only with the ledger's key file at hand (else the page says how to name it).
    func showsPGN(_ fields: FormFields) throws(KijkglasError) -> Bool {
        guard fields.isOn("pgn") && fields.posted else { return false }
        try session.requireKey()
        return true
    }
}
