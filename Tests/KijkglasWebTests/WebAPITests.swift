import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KijkglasKit
import Ledger
import Reports
import Testing
import TestSupport

@testable import KijkglasWeb

@Suite("The JSON API")
struct WebAPITests {
    /// A route and the JSON the command line prints for the same question, from the same report.
    struct Case: Sendable, CustomTestStringConvertible {
        let uri: String
        /// The schema of `Schemas/json/` that describes the answer.
        let schema: String
        let expected: @Sendable (LedgerSession) throws -> String
        var testDescription: String { uri }
    }

    static let cases: [Case] = [
        Case(uri: "/api/v1/count?on=2022-02-01", schema: "count.schema.json") { session in
            try session.count(CountRequest(on: day("2022-02-01"))).report(everyValidRow: false, everyPayer: false, showPGN: false).json
        },
        Case(uri: "/api/v1/count?on=2021-10-01&known-at=2021-10-20&by=category", schema: "count.schema.json") { session in
            try session.count(CountRequest(on: day("2021-10-01"), knownAt: day("2021-10-20"), breakdown: .category))
                .report(everyValidRow: false, everyPayer: false, showPGN: false).json
        },
        Case(uri: "/api/v1/count?on=2022-02-01&swv=all&all=true", schema: "count.schema.json") { session in
            try session.count(CountRequest(on: day("2022-02-01"), swv: .every, everyValidRow: true))
                .report(everyValidRow: true, everyPayer: false, showPGN: false).json
        },
        Case(uri: "/api/v1/growth?peildatum=2022-02-01&per-pupil=true", schema: "growth.schema.json") { session in
            try session.growth(GrowthRequest(peildatum: day("2022-02-01"))).report(perPupil: true, showPGN: false).json
        },
        Case(uri: "/api/v1/revisions?on=2022-02-01,2021-10-01", schema: "revisions.schema.json") { session in
            try session.revisions(RevisionsRequest(metric: .count(on: [day("2022-02-01"), day("2021-10-01")]))).report.json
        },
        Case(uri: "/api/v1/trend?from=2021-08-01&to=2022-07-31&every=teldatum&by=category", schema: "trend.schema.json") { session in
            try session.trend(TrendRequest(from: day("2021-08-01"), to: day("2022-07-31"), every: .teldatum, breakdown: .category)).report.json
        },
        Case(uri: "/api/v1/diff?from=R1&to=R4", schema: "diff.schema.json") { session in
            try session.diff(DiffRequest(from: ReleaseID(1), to: ReleaseID(4))).report.json
        },
        Case(uri: "/api/v1/releases", schema: "releases.schema.json") { session in
            let answer = try session.releases()
            return ReleaseListing.json(answer.releases, lifecycles: answer.lifecycles, previousYear: answer.previousYear)
        },
        Case(uri: "/api/v1/reconcile?release=R9", schema: "reconcile.schema.json") { session in
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

    @Test("each route's answer conforms to its schema in Schemas/json", arguments: cases)
    func conforms(_ item: Case) async throws {
        let fixture = try WebFixture()
        var check = JSONSchemaCheck()
        let answer = try item.expected(fixture.session)
        #expect(try check.problems(of: answer, against: item.schema) == [])
        // The check itself: a member the schema does not declare is caught.
        #expect(try !check.problems(of: answer.replacingOccurrences(of: "{", with: "{\"undeclared\": 1, ", options: .anchored), against: item.schema).isEmpty)
    }

    @Test("the log is the NDJSON of log --format ndjson, filtered and paged as asked")
    func log() async throws {
        let fixture = try WebFixture()
        var all: [String] = []
        try fixture.session.log(LogRequest()) { sequence, event in all.append(EventJSON(event, sequence: sequence).jsonLine) }
        var changed: [String] = []
        try fixture.session.log(LogRequest(release: ReleaseID(4), kind: .registration(.changed))) { sequence, event in
            changed.append(EventJSON(event, sequence: sequence).jsonLine)
        }
        #expect(all.count > 10 && !changed.isEmpty && changed.count < all.count)
        var check = JSONSchemaCheck()
        for line in all { #expect(try check.problems(of: line, against: "event.schema.json") == [], "\(line)") }
        let pages = [
            ("/api/v1/log", all), ("/api/v1/log?since=3&limit=4", Array(all[2..<6])),
            ("/api/v1/log?release=R4&kind=changed", changed),
        ]
        try await fixture.test { client in
            for (uri, lines) in pages {
                try await client.execute(uri: uri, method: .get, headers: fixture.browser()) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/x-ndjson; charset=utf-8")
                    #expect(response.text == lines.joined(separator: "\n") + "\n", "\(uri)")
                }
            }
        }
    }

    @Test("a question asked wrong is 400 with the parameter named; an unknown route 404", arguments: [
        ("/api/v1/count", HTTPResponse.Status.badRequest, "on is missing"),
        ("/api/v1/count?on=2022-02-01&known-at=2001-01-01", .badRequest, "known-at"),
        ("/api/v1/diff?from=R1&to=R99", .badRequest, "\"usage\""),
        ("/api/v1/count?on=2022-02-01&swv=XX", .badRequest, "swv"),
        ("/api/v1/log?pupil=123456782", .badRequest, "never goes in a URL"),
        ("/api/v1/log?kind=nothing", .badRequest, "RegistrationOpened"),
        ("/api/v1/log?limit=0", .badRequest, "limit"),
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
