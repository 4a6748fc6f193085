import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KijkglasKit
import Ledger
import Reports
import Testing

@testable import KijkglasWeb

@Suite("The pages of the web app")
struct WebPageTests {
    @Test("every page answers with the navigation and real content", arguments: [
        ("/", "Per bereik"), ("/releases", "Gepubliceerd"), ("/veranderd", "Correcties van het verleden"),
        ("/tijdreis", "Herzieningsdriehoek"), ("/trend", "<svg"), ("/controle", "Oordeel"), ("/bestand", "type=\"file\""),
        ("/tijdreis?dag=2021-10-01&bekend-op=2021-12-31&per=category", "Telling op 01-10-2021"),
        ("/trend?van=2021-08-01&tot=2022-07-31&elke=teldatum&maat=growth&per=category", "Groei sinds 1 oktober"),
        ("/veranderd?van=R1&naar=R2&soort=opened", "nieuwe inschrijving"),
    ])
    func everyPage(path: String, content: String) async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: path, method: .get, headers: fixture.browser()) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                for section in Page.Section.allCases { #expect(response.text.contains("href=\"\(section.rawValue)\"")) }
                #expect(response.text.contains(content))
                #expect(!response.text.contains("http://") && !response.text.contains("https://"))
            }
        }
    }

    @Test("a question the ledger cannot answer is a 400 page that says why")
    func usageFailure() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/tijdreis?dag=gisteren", method: .get, headers: fixture.browser()) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("geen datum"))
            }
            try await client.execute(uri: "/tijdreis?dag=2022-02-01&bekend-op=2000-01-01", method: .get, headers: fixture.browser()) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("‘zoals bekend op’"))
            }
        }
    }

    @Test("the Tijdreis page shows the library's count and growth for the same day and day of knowledge", arguments: [
        ("2022-02-01", nil), ("2022-02-01", "2022-03-01"), ("2021-10-01", "2021-11-01"), ("2022-06-01", nil),
    ] as [(String, String?)])
    func timeTravel(day: String, knownAt: String?) async throws {
        let fixture = try WebFixture()
        let on = try #require(Day(iso: day))
        let known = knownAt.flatMap { Day(iso: $0) }
        guard case .oneSWV(let count, _) = try fixture.session.count(CountRequest(on: on, knownAt: known)) else {
            Issue.record("expected one SWV's count")
            return
        }
        let year = SchoolYear(containing: on)
        let peildatum = try #require(Day(year: year.firstYear + 1, month: 2, day: 1))
        let growth = try fixture.session.growth(GrowthRequest(peildatum: peildatum, knownAt: known)).growth
        try await fixture.test { client in
            let query = FormFields.query([("dag", day), ("bekend-op", knownAt)])
            try await client.execute(uri: "/tijdreis\(query)", method: .get, headers: fixture.browser()) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"telling\">\(DutchFormat.number(count.total))<"))
                #expect(response.text.contains("id=\"groei\">\(HTMLText.escape(DutchFormat.signed(growth.total.growth)))<"))
            }
        }
    }

    @Test("PGNs are masked until the page is posted to show them")
    func maskedPGNs() async throws {
        let fixture = try WebFixture()
        let diff = try fixture.session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(2))).diff
        let pgn = try #require(diff.events.first?.key.pgn)
        try await fixture.test { client in
            try await client.execute(uri: "/veranderd?van=R1&naar=R2", method: .get, headers: fixture.browser()) { response in
                #expect(response.text.contains(pgn.masked))
                #expect(!response.text.contains(pgn.digits))
            }
            try await client.execute(uri: "/veranderd?van=R1&naar=R2", method: .post, headers: fixture.browser(.form), body: fixture.form([("pgn", "toon")])) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(pgn.digits))
            }
        }
    }

    @Test("the CSV download is what diff --format csv prints")
    func diffCSV() async throws {
        let fixture = try WebFixture()
        let expected = try fixture.session.diff(DiffRequest(from: ReleaseID(2), to: ReleaseID(3))).report.csv + "\n"
        try await fixture.test { client in
            try await client.execute(uri: "/veranderd.csv?van=R2&naar=R3", method: .get, headers: fixture.browser()) { response in
                #expect(response.status == .ok)
                #expect(response.text == expected)
            }
        }
    }

    @Test("marking the news seen moves the web app's cursor to the last event shown")
    func markSeen() async throws {
        let fixture = try WebFixture()
        let through = try fixture.session.digest(.init(subscriber: WebApp.subscriber, create: true)).digest.through
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: fixture.browser()) { response in
                #expect(response.text.contains("value=\"\(through)\""))
            }
            try await client.execute(uri: "/gezien", method: .post, headers: fixture.browser(.form), body: fixture.form([("tot", String(through))])) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/", method: .get, headers: fixture.browser()) { response in
                #expect(response.text.contains("Niets nieuws."))
            }
        }
        #expect(try fixture.session.digest(.init(subscriber: WebApp.subscriber)).digest.isEmpty)
    }

    @Test("withdrawing a release asks for a confirmation first, then records it")
    func withdraw() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let fields = [("release", "R2"), ("op", "2021-11-01"), ("reden", "fout")]
            try await client.execute(uri: "/releases/intrekken", method: .post, headers: fixture.browser(.form), body: fixture.form(fields)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Bevestig"))
            }
            #expect(try fixture.session.releases().lifecycles[ReleaseID(2)]?.withdrawn == nil)
            try await client.execute(uri: "/releases/intrekken", method: .post, headers: fixture.browser(.form), body: fixture.form(fields + [("bevestig", "ja")])) { response in
                #expect(response.status == .ok)
            }
            #expect(try fixture.session.releases().lifecycles[ReleaseID(2)]?.withdrawn?.reason == "fout")
            try await client.execute(uri: "/releases/definitief", method: .post, headers: fixture.browser(.form), body: fixture.form([("release", "R99"), ("op", "2022-01-01"), ("bevestig", "ja")])) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("a page kept in the cache is computed anew once the ledger changes")
    func cacheFollowsLedger() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/releases", method: .get, headers: fixture.browser()) { response in
                    #expect(!response.text.contains("ingetrokken op 01-11-2021"))
                }
            }
            try fixture.session.withdraw(WithdrawRequest(release: ReleaseID(2), on: try #require(Day(iso: "2021-11-01")), reason: "fout"))
            try await client.execute(uri: "/releases", method: .get, headers: fixture.browser()) { response in
                #expect(response.text.contains("ingetrokken op 01-11-2021"))
            }
        }
    }

    @Test("a failure's kind is its HTTP status", arguments: KijkglasError.Kind.allCases)
    func statuses(kind: KijkglasError.Kind) {
        let expected: [KijkglasError.Kind: HTTPResponse.Status] = [.usage: .badRequest, .badData: .unprocessableContent, .storage: .internalServerError, .checkFailed: .conflict]
        #expect(kind.httpStatus == expected[kind])
    }
}
