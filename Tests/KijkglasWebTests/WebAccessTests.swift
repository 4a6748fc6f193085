import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KijkglasWeb

@Suite("Access to the web app")
struct WebAccessTests {
    @Test("a page without the session cookie redirects to the login page", arguments: ["/", "/releases", "/tijdreis", "/bestand"])
    func pageWithoutCookie(path: String) async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/login")
            }
        }
    }

    @Test("the API without a token answers 401 with a JSON error")
    func apiWithoutToken() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/count?on=2022-02-01", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("\"unauthorized\""))
            }
            let wrong: HTTPFields = [.authorization: "Bearer \(String(repeating: "0", count: 64))"]
            try await client.execute(uri: "/api/v1/count?on=2022-02-01", method: .get, headers: wrong) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/count?on=2022-02-01", method: .get, headers: [.authorization: "Bearer \(fixture.secrets.accessToken)"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("a wrong cookie is no session")
    func wrongCookie() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(WebSecrets.cookieName)=\(fixture.secrets.accessToken)"]) { response in
                #expect(response.status == .found)
            }
        }
    }

    @Test("the printed token logs in with an HttpOnly, SameSite=Strict cookie; a wrong one gets 401 and no cookie")
    func login() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/login?token=\(fixture.secrets.accessToken)", method: .get) { response in
                #expect(response.status == .seeOther)
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.contains("\(WebSecrets.cookieName)=\(fixture.secrets.sessionValue)"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
            }
            try await client.execute(uri: "/login?token=nope", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/login", method: .post, headers: .form, body: .init(string: "token=\(fixture.secrets.accessToken)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie] != nil)
            }
        }
    }

    @Test("every response forbids external sources, framing, sniffing and referrers", arguments: ["/", "/login", "/api/v1/count?on=2022-02-01", "/nergens"])
    func securityHeaders(path: String) async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: path, method: .get, headers: fixture.browser()) { response in
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("http"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test("a state-changing POST from another site or origin is refused", arguments: [
        [("Sec-Fetch-Site", "cross-site")], [("Origin", "http://evil.example")], [("Sec-Fetch-Site", "same-site")],
        [("Origin", "null")], [("Sec-Fetch-Site", "cross-site"), ("Origin", "null")],
    ])
    func crossSitePost(headers: [(String, String)]) async throws {
        let fixture = try WebFixture()
        let before = try fixture.session.digest(.init(subscriber: WebApp.subscriber, create: true)).digest.after
        try await fixture.test { client in
            var extra = HTTPFields.form
            for (name, value) in headers { extra[HTTPField.Name(name)!] = value }
            try await client.execute(uri: "/gezien", method: .post, headers: fixture.browser(extra), body: fixture.form([("tot", "5")])) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try fixture.session.digest(.init(subscriber: WebApp.subscriber)).digest.after == before)
    }

    @Test("a form posted from the server's own page passes, though the browser says Origin: null")
    func ownPagePost() async throws {
        let fixture = try WebFixture()
        let through = try fixture.session.digest(.init(subscriber: WebApp.subscriber, create: true)).digest.through
        try await fixture.test { client in
            var headers = HTTPFields.form
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            headers[.origin] = "null"
            try await client.execute(uri: "/gezien", method: .post, headers: fixture.browser(headers), body: fixture.form([("tot", String(through))])) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try fixture.session.digest(.init(subscriber: WebApp.subscriber)).digest.isEmpty)
    }

    @Test("a POST without the form's CSRF token is refused and changes nothing")
    func missingCSRF() async throws {
        let fixture = try WebFixture()
        let before = try fixture.session.digest(.init(subscriber: WebApp.subscriber, create: true)).digest.after
        try await fixture.test { client in
            try await client.execute(uri: "/gezien", method: .post, headers: fixture.browser(.form), body: .init(string: "tot=5")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/gezien", method: .post, headers: fixture.browser(.form), body: .init(string: "tot=5&csrf=\(fixture.secrets.accessToken)")) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try fixture.session.digest(.init(subscriber: WebApp.subscriber)).digest.after == before)
    }

    @Test("paths that climb out or are encoded reach no file", arguments: [
        "/../../etc/passwd", "/static/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fetc%2fpasswd", "/api/v1/../../etc/passwd",
    ])
    func pathTricks(path: String) async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: path, method: .get, headers: fixture.browser()) { response in
                #expect(response.status != .ok)
                #expect(!response.text.contains("root:"))
            }
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status != .ok)
            }
        }
    }

    @Test("an uploaded file's name keeps to its own folder")
    func uploadNames() {
        #expect(Uploads.safeName("../../etc/passwd") == "passwd")
        #expect(Uploads.safeName("..\\..\\x.csv") == "x.csv")
        #expect(Uploads.safeName("..") == "upload")
        #expect(Uploads.safeName("k 2;rm -rf.csv") == "k_2_rm_-rf.csv")
    }
}
