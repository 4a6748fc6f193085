import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KijkglasKit
import Ledger
import NIOCore
import Testing

@testable import KijkglasWeb

@Suite("Adding a file through the web app")
struct WebUploadTests {
    /// The demo's last Kijkglas 2 file with a later creation date: a new release of its scope.
    static func goodFile() throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/KijkglasKit/Demo/kijkglas2-VO9901-2021-2022-2022-07-20.csv").standardizedFileURL
        let text = try String(contentsOf: folder, encoding: .utf8)
        #expect(text.contains("Datum aanmaak;20-07-2022"))
        return text.replacingOccurrences(of: "Datum aanmaak;20-07-2022", with: "Datum aanmaak;27-07-2022")
    }

    /// A multipart body with the CSRF token `csrf` and `file` named `name`.
    static func multipart(csrf: String, name: String, file: String) -> (HTTPFields, ByteBuffer) {
        let boundary = "----kijkglas-test-boundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="csrf"\r
            \r
            \(csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="bestand"; filename="\(name)"\r
            Content-Type: text/csv\r
            \r
            \(file)\r
            --\(boundary)--\r

            """
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
    }

    @Test("a good file is previewed, then ingested on confirmation, and its upload deleted")
    func goodUpload() async throws {
        let fixture = try WebFixture()
        let before = try fixture.session.releases().releases.count
        let (headers, body) = Self.multipart(csrf: fixture.secrets.csrfToken, name: "kijkglas2-VO9901-2021-2022-2022-07-27.csv", file: try Self.goodFile())
        try await fixture.test { client in
            let id = try await client.execute(uri: "/bestand", method: .post, headers: fixture.browser(headers), body: body) { response -> String in
                #expect(response.status == .ok)
                #expect(response.text.contains("Geen problemen."))
                let marker = "name=\"upload\" value=\""
                let start = try #require(response.text.range(of: marker)).upperBound
                return String(response.text[start...].prefix { $0 != "\"" })
            }
            #expect(try fixture.session.releases().releases.count == before)
            let location = try await client.execute(uri: "/bestand/opnemen", method: .post, headers: fixture.browser(.form), body: fixture.form([("upload", id)])) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            var done = false
            for _ in 0..<200 where !done {
                try await client.execute(uri: location, method: .get, headers: fixture.browser()) { response in
                    done = response.text.contains("id=\"uitkomst\"")
                }
                if !done { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(done)
        }
        #expect(try fixture.session.releases().releases.count == before + 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.server.app.uploads.directory.path).isEmpty)
    }

    @Test("a bad file shows the problems inspect finds, 422, and nothing is written or kept")
    func badUpload() async throws {
        let fixture = try WebFixture()
        let before = try fixture.session.releases().releases.count
        let bad = "Samenwerkingsverband;BSN/Onderwijsnummer;Geboortedatum\nVO9901;12345;99-99-2008\n"
        let (headers, body) = Self.multipart(csrf: fixture.secrets.csrfToken, name: "../../kapot.csv", file: bad)
        try await fixture.test { client in
            try await client.execute(uri: "/bestand", method: .post, headers: fixture.browser(headers), body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Problemen"))
                #expect(!response.text.contains("name=\"upload\""))
            }
        }
        #expect(try fixture.session.releases().releases.count == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.server.app.uploads.directory.path).isEmpty)
    }

    @Test("an upload over the limit is refused with 413 and nothing written")
    func oversizedUpload() async throws {
        let fixture = try WebFixture(uploadLimit: 4096)
        let before = try fixture.session.releases().releases.count
        let (headers, body) = Self.multipart(csrf: fixture.secrets.csrfToken, name: "groot.csv", file: String(repeating: "x;", count: 5000))
        try await fixture.test { client in
            try await client.execute(uri: "/bestand", method: .post, headers: fixture.browser(headers), body: body) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        #expect(try fixture.session.releases().releases.count == before)
    }

    @Test("an upload without the CSRF token is refused")
    func uploadWithoutCSRF() async throws {
        let fixture = try WebFixture()
        let (headers, body) = Self.multipart(csrf: "nope", name: "x.csv", file: try Self.goodFile())
        try await fixture.test { client in
            try await client.execute(uri: "/bestand", method: .post, headers: fixture.browser(headers), body: body) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.server.app.uploads.directory.path).isEmpty)
    }
}
