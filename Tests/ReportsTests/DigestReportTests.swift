import Foundation
import Ledger
import Reports
import Testing

@Suite("Change digests in text, Markdown and JSON")
struct DigestReportTests {
    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")
    private let august = Day(year: 2021, month: 8, day: 1)!

    private func registration(_ pgn: UInt32, _ classification: Classification, _ change: RegistrationChange) -> Event {
        let row = Registration(
            pgn: PGN(value: pgn)!, institution: "25GP", branch: "00", schoolType: .vso, enrolledFrom: august, periodStart: august, funded: true)
        return .registration(RegistrationEvent(release: ReleaseID(2), base: ReleaseID(1), classification: classification, key: row.key, change: change))
    }

    private var digest: ChangeDigest {
        let release = Release(
            id: ReleaseID(2), scope: scope, publishedOn: Day(year: 2021, month: 10, day: 20)!, fileName: "b.csv", fileSHA256: [],
            rowCount: 2, base: ReleaseID(1))
        let events: [Event] = [
            .releaseRecorded(release),
            registration(123_456_789, .change, .closed(on: Day(year: 2021, month: 10, day: 1)!)),
            registration(987_654_321, .correction, .changed([FieldChange(field: .category, old: "L", new: "M")])),
            registration(555_555_555, .correction, .flaggedUnfunded(reason: "TLV 123456789 ongeldig")),
            .releaseWithdrawn(ReleaseID(2), on: Day(year: 2021, month: 11, day: 1)!, reason: "fouten"),
        ]
        return ChangeDigest(
            subscriber: "mail", after: 40, entries: events.enumerated().map { .init(sequence: 41 + UInt64($0.offset), event: $0.element) },
            releases: [release.id: release])
    }

    @Test("corrections and the withdrawal come first; news is grouped by kind; numbers are masked")
    func text() throws {
        let text = DigestReport(digest).text
        #expect(text.hasPrefix("5 events for subscriber mail after event 40, through event 45"))
        let attention = try #require(text.range(of: "!! CORRECTIONS OF THE PAST"))
        let news = try #require(text.range(of: "Closed registrations (1)"))
        #expect(attention.lowerBound < news.lowerBound)
        #expect(text.contains("!! WITHDRAWN by DUO on 2021-11-01: fouten"))
        #expect(text.contains("!! CORRECTED RELEASE: 2 of its 3 events correct the past"))
        #expect(text.contains("category: L → M"))
        #expect(text.range(of: #"\d{9}"#, options: .regularExpression) == nil)
    }

    @Test("Markdown escapes the masked numbers' asterisks")
    func markdown() {
        let markdown = DigestReport(digest).markdown
        #expect(markdown.contains("# Kijkglas digest for mail"))
        #expect(markdown.contains("\\*\\*\\*\\*\\*\\*\\*89"))
        #expect(markdown.contains("> **WITHDRAWN by DUO on 2021-11-01: fouten**"))
    }

    @Test("JSON lists every event once, with its sequence")
    func json() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DigestReport(digest).json.utf8)) as? [String: Any])
        func sequences(_ value: Any) -> [Int] {
            if let object = value as? [String: Any] { return ((object["sequence"] as? Int).map { [$0] } ?? []) + object.values.flatMap(sequences) }
            return (value as? [Any])?.flatMap(sequences) ?? []
        }
        #expect(sequences(object).sorted() == [41, 42, 43, 44, 45])
        #expect(object["through"] as? Int == 45)
    }

    @Test("an empty digest says nothing is new")
    func empty() {
        let empty = ChangeDigest(subscriber: "mail", after: 7, entries: [], releases: [:])
        #expect(DigestReport(empty).text == "Nothing new for subscriber mail after event 7.")
    }
}
