import Foundation
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

/// A storage format 2 export (PGNs and exact birth dates in its events) imported into storage
/// format 3: the upgrade.
@Suite("Upgrading a storage format 2 export")
struct LogUpgradeTests {
    /// The NDJSON export a storage format 2 ledger wrote of `releases` recorded in order (one
    /// scope): each release's record, its batch against its predecessor, the supersession.
    static func formatTwoExport(_ releases: [IncomingRelease], to path: String) throws {
        var events: [Event] = []
        var previous: Release?
        var previousRows: [Registration] = []
        for (index, incoming) in releases.enumerated() {
            let rows = incoming.rows.sorted { $0.key < $1.key }
            let release = Release(
                id: ReleaseID(UInt32(index + 1)), scope: incoming.scope, publishedOn: incoming.publishedOn, fileName: incoming.fileName,
                fileSHA256: incoming.fileSHA256, rowCount: rows.count, base: previous?.id)
            events.append(.releaseRecorded(release))
            events += RegistrationDiff.changes(
                from: previousRows, to: rows, basePublished: previous?.publishedOn, published: release.publishedOn
            ).map {
                .registration(
                    RegistrationEvent(release: release.id, base: previous?.id, classification: $0.classification, key: $0.key, change: $0.change))
            }
            if let previous { events.append(.releaseSuperseded(previous.id, by: release.id, on: release.publishedOn)) }
            previous = release
            previousRows = rows
        }
        var chain = LogRecord.genesis
        var text = ""
        for (index, event) in events.enumerated() {
            let record = LogRecord(sequence: UInt64(index + 1), payload: event.encoded, previousChain: chain)
            chain = record.chain
            text += "{\"sequence\":\(index + 1),\"record\":\"\(Data(record.stored).base64EncodedString())\"}\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("imported with a key, every release holds the rows a new ledger records, pupils sealed and birth dates coarse; a change of nothing but a birth date the rules do not tell apart is left out")
    func upgrade() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = RegistrationGenerator(seed: 5)
        var rows = generator.rows(count: 120)
        var releases: [IncomingRelease] = []
        for index in 0..<4 {
            releases.append(IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"),
                publishedOn: Day.literal(2021, 9, 15).adding(days: 35 * index), fileName: "r\(index).csv",
                fileSHA256: [UInt8](repeating: UInt8(index + 1), count: 32), rows: rows))
            rows = generator.evolve(rows)
            // A birth date moved within one band: no change to a ledger that keeps coarse dates.
            if let birth = rows[index].birthDate, birth.components.month < 9 { rows[index].birthDate = birth.adding(days: 1) }
        }
        let export = directory.appending("format2.ndjson")
        try Self.formatTwoExport(releases, to: export)
        #expect(try LedgerStore.importLog(from: export, into: directory.appending("upgraded")).isValid)
        let upgraded = try LedgerStore(directory: directory.appending("upgraded"), readOnly: true)
        let fresh = try LedgerStore(directory: directory.appending("fresh"))
        for release in releases { _ = try fresh.record(release) }
        for id in (1...4).map({ ReleaseID(UInt32($0)) }) {
            #expect(try upgraded.revealed(upgraded.rows(of: id)) == fresh.revealed(fresh.rows(of: id)))
        }
        #expect(try upgraded.rows(of: ReleaseID(4)).allSatisfy(\.pgn.isPupilNumber))
        // Same events as a new ledger records, pupils by PGN.
        func events(_ store: LedgerStore) throws -> [String] {
            var events: [RegistrationEvent] = []
            try store.forEachEvent { _, event in
                if case .registration(let registration) = event { events.append(registration) }
                return true
            }
            let name = try store.revealing(events.map(\.key.pgn))
            return RegistrationEvent.naming(events, name).map { "\($0.release) \($0.key.pgn.digits) \($0.key) \($0.change)" }
        }
        #expect(try events(upgraded) == events(fresh))
    }
}
