import Foundation
import Hummingbird
import KijkglasKit
import Logging

/// The local web app over one ledger: opens the ledger to write once, makes fresh secrets, and
/// serves the pages and the JSON API until stopped.
public struct WebServer: Sendable {
    /// Where to serve and what.
    public struct Configuration: Sendable {
        /// The ledger directory.
        public var ledger: String
        /// The ledger's key file: it seals the pupils of an upload and shows PGNs on request.
        public var keyFile: KeyFile
        /// The address to bind: loopback unless the user chose another.
        public var host: String
        /// The port; 0 lets the system choose.
        public var port: Int
        /// The largest request body, an upload included, in bytes.
        public var uploadLimit: Int

        /// The default upload limit: 64 MiB, above DUO's largest files with room to spare; the
        /// XLSX reader's own limits (`XLSXLimits`) apply inside it.
        public static let defaultUploadLimit = 64 << 20

        /// Serving the ledger in `ledger`, whose key is in `keyFile` (default: `$KIJKGLAS_KEY`,
        /// else the key file beside the directory), on `host`:`port`.
        public init(
            ledger: String, keyFile: KeyFile? = nil, host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int = defaultUploadLimit
        ) {
            self.ledger = ledger
            self.keyFile = keyFile ?? KeyFile(nil, ledger: ledger)
            self.host = host
            self.port = port
            self.uploadLimit = uploadLimit
        }

        /// Whether the address is reachable only from this machine.
        public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }
    }

    /// What the server serves and where.
    public let configuration: Configuration
    let app: WebApp

    /// Opens the ledger in `configuration.ledger` to write (it must exist) and makes the secrets.
    public init(_ configuration: Configuration) throws(KijkglasError) {
        self.configuration = configuration
        let session = try LedgerSession(directory: configuration.ledger, access: .write, keyFile: configuration.keyFile)
        let uploads: Uploads
        do {
            uploads = try Uploads()
        } catch {
            throw KijkglasError(.storage, "cannot make a folder for uploads: \(error.localizedDescription)")
        }
        app = WebApp(session: session, secrets: WebSecrets(), uploads: uploads, uploadLimit: configuration.uploadLimit)
    }

    /// The URL that logs in, on `port`.
    public func loginURL(port: Int) -> String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/login?token=\(app.secrets.accessToken)"
    }

    /// Serves until the process is told to stop (SIGINT, SIGTERM), calling `started` with the
    /// login URL once listening; deletes every upload left on the way out.
    public func run(started: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "kijkglas.serve")
        logger.logLevel = .warning
        let application = Application(
            router: WebRoutes.router(app),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { [self] channel in started(loginURL(port: channel.localAddress?.port ?? configuration.port)) },
            logger: logger)
        defer { app.uploads.removeAll() }
        try await application.runService()
    }

    /// The routes, for a test that drives them in process.
    var router: Router<BasicRequestContext> { WebRoutes.router(app) }
}
