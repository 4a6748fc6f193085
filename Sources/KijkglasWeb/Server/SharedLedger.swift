import KijkglasKit

/// The one session of the server, opened to write at start and used by every request handler.
///
/// `LedgerSession` is not yet declared `Sendable`; its store holds only constants and LMDB
/// serialises writers itself (readers never block), so sharing it between tasks is safe.
final class SharedLedger: @unchecked Sendable {
    /// The session.
    let session: LedgerSession

    /// Shares `session`.
    init(_ session: LedgerSession) {
        self.session = session
    }
}
