import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KijkglasKit
import Ledger
import Testing

@testable import KijkglasWeb

@Suite("The JSON API")
struct WebAPITests {
    /// A route and the JSON the command line prints for the same question, from the same report.
    struct Case: Sendable, CustomTestStringConvertible {
        let uri: String
        let expected: @Sendable (LedgerSession) throws -> String
        var testDescription: String { uri }
    }

    static let cases: [Case] = [
        Case(uri: "/api/v1/count?on=2022-02-01") { session in
            try session.count(CountRequest(on: day("2022-02-01"))).report(everyValidRow: false, everyPayer: false, showPGN: false).json
        },
        Case(uri: "/api/v1/count?on=2021-10-01&known-at=2021-10-20&by=category") { session in
            try session.count(CountRequest(on: day("2021-10-01"), knownAt: day("2021-10-20"), breakdown: .category))
                .report(everyValidRow: false, everyPayer: false, showPGN: false).json
        },
        Case(uri: "/api/v1/count?on=2022-02-01&swv=all&all=true") { session in
            try session.count(CountRequest(on: day("2022-02-01"), swv: .every, everyValidRow: true))
                .report(everyValidRow: true, everyPayer: false, showPGN: false).json
        },
        Case(uri: "/api/v1/growth?peildatum=2022-02-01&per-pupil=true") { session in
            try session.growth(GrowthRequest(peildatum: day("2022-02-01"))).report(perPupil: true, showPGN: false).json
        },
        Case(uri: "/api/v1/revisions?on=2022-02-01,2021-10-01") { session in
            try session.revisions(RevisionsRequest(metric: .count(on: [day("2022-02-01"), day("2021-10-01")]))).report.json
        },
        Case(uri: "/api/v1/trend?from=2021-08-01&to=2022-07-31&every=teldatum&by=category") { session in
            try session.trend(TrendRequest(from: day("2021-08-01"), to: day("2022-07-31"), every: .teldatum, breakdown: .category)).report.json
        },
        Case(uri: "/api/v1/diff?from=R1&to=R4") { session in
            try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(4))).report.json
        },
        Case(uri: "/api/v1/reconcile?release=R9") { session in
            try session.reconcile(ReconcileRequest(release: ReleaseID(9))).report(showPGN: false).json
        },
    ]

    static func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test("each route returns the JSON the command prints, byte for byte", arguments: cases)
    func sameJSON(_ item: Case) async throws {
        let fixture = try WebFixture()
        let expected = try item.expected(fixture.session) + "\n"
        try await fixture.test { client in
            try await client.execute(uri: item.uri, method: .get, headers: fixture.browser()) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.text == expected)
            }
        }
    }

    @Test("a question asked wrong is 400 with the parameter named; an unknown route 404", arguments: [
        ("/api/v1/count", HTTPResponse.Status.badRequest, "on is missing"),
        ("/api/v1/count?on=2022-02-01&known-at=2001-01-01", .badRequest, "known-at"),
        ("/api/v1/diff?from=R1&to=R99", .badRequest, "\"usage\""),
        ("/api/v1/count?on=2022-02-01&swv=XX", .badRequest, "swv"),
        ("/api/v1/nothing", .notFound, "notFound"),
    ])
    func failures(uri: String, status: HTTPResponse.Status, content: String) async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get, headers: fixture.browser()) { response in
                #expect(response.status == status)
                #expect(response.text.contains(content))
            }
        }
    }
}
