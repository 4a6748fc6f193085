import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

@Suite("Packed counting rows")
struct CountingRowTests {
    /// Rows at the edges of what a row may hold: no optional field, odd strings, far days,
    /// out-of-range small numbers, TLV numbers with and without an SWV code in front.
    private static func edgeRows() -> [Registration] {
        let day = Day(year: 2021, month: 8, day: 1)!
        var bare = Registration(pgn: PGN(value: 0)!, institution: "", branch: "", schoolType: .so, enrolledFrom: day, periodStart: day, funded: false)
        var full = Registration(
            pgn: PGN(value: 999_999_999)!, institution: "Ünï€", branch: "a-very-long-branch-name-of-many-bytes", schoolType: .vso,
            enrolledFrom: Day(daysSinceEpoch: Int32.min), periodStart: Day(daysSinceEpoch: Int32.max), funded: true)
        full.cluster = 255
        full.residence = 0
        full.enrolledUntil = Day(daysSinceEpoch: 0)
        full.periodEnd = Day(daysSinceEpoch: -1)
        full.tlvNumber = "-VO2508-2021-1"
        full.payingSwv = ""
        full.category = .high
        full.tlvFrom = Day(daysSinceEpoch: Int32.max)
        full.tlvUntil = Day(daysSinceEpoch: Int32.min)
        full.birthDate = Day(daysSinceEpoch: 0)
        var notACode = full
        notACode.pgn = PGN(value: 1)!
        notACode.tlvNumber = "VO25O8-2021-1"
        notACode.payingSwv = nil
        notACode.category = .low
        bare.tlvNumber = "PO2707"
        return [bare, full, notACode]
    }

    @Test("a recorded release's stored counting rows are exactly the counting fields of its rows", arguments: [1, 2, 3, 4] as [UInt64])
    func storedEqualRows(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        var history = CountingHistoryGenerator(seed: seed)
        var plain = RegistrationGenerator(seed: seed)
        for rows in [history.rows(count: 300), plain.rows(count: 300), Self.edgeRows()] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try LedgerStore(directory: directory.path)
            _ = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"), publishedOn: Day(year: 2021, month: 9, day: 15)!,
                fileName: "r.csv", fileSHA256: [UInt8](repeating: 1, count: 32), rows: rows))
            #expect(try Array(store.knownRows2021()) == store.asStored(rows).map(CountingRow.init), "seed \(seed)")
            #expect(try store.verify().isValid, "seed \(seed)")
        }
    }

    @Test("the TLV number's issuer is the SWV code it starts with, up to its first dash")
    func issuer() {
        let rows = Self.edgeRows().map(CountingRow.init)
        #expect(rows.map(\.tlvNumberIssuer) == ["PO2707", "VO2508", nil])
        #expect(rows.map(\.hasTLVNumber) == [true, true, true])
    }
}
