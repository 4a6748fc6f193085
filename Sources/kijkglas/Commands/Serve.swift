import ArgumentParser
import Foundation
import KijkglasWeb

/// `kijkglas serve`: the web app over a ledger, on this machine.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the ledger as a local web app (Dutch) with a JSON API, for this machine only.",
        discussion: """
            Prints a URL with a fresh access token: open it in the browser to log in. The server \
            binds to 127.0.0.1; --host another address makes the ledger's personal data reachable \
            from elsewhere (a warning says so). Uploads are limited to 64 MiB. Stop with Ctrl-C.

            Example: kijkglas serve --ledger ./kijkglas-ledger --port 8080
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "The address to bind; anything but loopback serves personal data to the network.")
    var host = "127.0.0.1"

    func run() async throws {
        let server = try reportingFailures {
            try WebServer(WebServer.Configuration(ledger: ledgerOptions.directory, keyFile: ledgerOptions.keyFile, host: host, port: port))
        }
        if !server.configuration.isLoopback {
            printError("kijkglas: warning: serving on \(host): anyone who can reach this address and has the token sees pupils' personal data")
        }
        try await server.run { url in
            FileHandle.standardOutput.write(Data("kijkglas: serving \(ledgerOptions.directory); open this URL to log in:\n  \(url)\n".utf8))
        }
    }
}
