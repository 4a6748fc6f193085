import Foundation
import Hummingbird
import KijkglasKit

/// What every request handler shares: the ledger's session, the server's secrets and the files
/// uploaded and being ingested.
struct WebApp: Sendable {
    /// The ledger's one session, opened to write at start.
    let session: LedgerSession
    /// The access token, the session cookie's value and the CSRF token.
    let secrets: WebSecrets
    /// Uploaded files waiting for a confirmation, and ingests under way.
    let uploads: Uploads
    /// The largest request body taken, an upload included.
    let uploadLimit: Int
    /// The responses kept while the ledger is unchanged.
    let cache = ResponseCache()

    /// The cache's version of the ledger now; nil when the ledger cannot say (nothing is kept).
    var version: String? {
        (try? session.eventCount()).map(ResponseCache.version(of:))
    }

    /// The subscriber whose cursor marks what the overview has shown as seen.
    static let subscriber = "web"
}
