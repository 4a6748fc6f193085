import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KijkglasKit
import Ledger
import NIOCore
import TestSupport

@testable import KijkglasWeb

/// The demo's ledger in a temporary directory, served by a `WebServer` in process.
struct WebFixture {
    /// The directory of the ledger.
    let directory: TemporaryDirectory
    /// The server.
    let server: WebServer

    /// The ledger's directory.
    var ledger: String { directory.appending("ledger") }
    /// The server's secrets.
    var secrets: WebSecrets { server.app.secrets }
    /// The server's session, to compute what a page should show.
    var session: LedgerSession { server.app.session }

    /// Builds the demo's ledger from its bundled releases and opens a server on it; `uploadLimit`
    /// bounds request bodies.
    init(uploadLimit: Int = WebServer.Configuration.defaultUploadLimit) throws {
        directory = try TemporaryDirectory(prefix: "kijkglas-web")
        let path = directory.appending("ledger")
        do {
            try TestKey.write(to: path + ".key")
            let writer = try LedgerSession(directory: path, access: .create)
            try writer.ingest(try IngestBatch(try IngestRequest.demo(), reading: FileReading())) { _, _ in }
        }
        server = try WebServer(WebServer.Configuration(ledger: path, uploadLimit: uploadLimit))
    }

    /// Runs `body` against the routes in process, the ledger removed afterwards.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = Application(router: server.router)
        defer { directory.remove() }
        try await application.test(.router) { client in try await body(client) }
    }

    /// The headers of a logged-in browser on this server, plus `extra`.
    func browser(_ extra: HTTPFields = [:]) -> HTTPFields {
        var headers: HTTPFields = [.cookie: "\(WebSecrets.cookieName)=\(secrets.sessionValue)"]
        headers.append(contentsOf: extra)
        return headers
    }

    /// A URL-encoded form with the CSRF token and `fields`.
    func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: FormFields.query([("csrf", secrets.csrfToken)] + fields.map { ($0.0, Optional($0.1)) }).dropFirst().description)
    }
}

extension HTTPFields {
    /// A posted form's content type.
    static var form: HTTPFields { [.contentType: "application/x-www-form-urlencoded"] }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
