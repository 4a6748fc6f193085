import Foundation
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

@Suite("Holding back a release that changes unusually much")
struct MassChangeTests {
    private let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")

    private func incoming(_ rows: [Registration], published: Day, name: String) -> IncomingRelease {
        IncomingRelease(
            scope: scope, publishedOn: published, fileName: name,
            fileSHA256: Array(name.utf8) + Array(repeating: 0, count: max(0, 32 - name.utf8.count)), rows: rows)
    }

    private static let rules = MassChangeRules(minimumBaseRows: 20, maxCorrectionPercent: 20, maxOneFieldPercent: 20)

    @Test("a release that changes one field in every row is not written with the rules, and is without them")
    func bothWays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        var generator = RegistrationGenerator(seed: 31)
        let rows = generator.rows(count: 60)
        let september = try #require(Day(year: 2021, month: 9, day: 15))
        _ = try store.record(incoming(rows, published: september, name: "base.csv"), massChangeRules: Self.rules)
        let damaged = rows.map { row in
            var row = row
            row.category = row.category == .high ? .low : .high
            return row
        }
        let october = september.adding(days: 30)
        let release = incoming(damaged, published: october, name: "damaged.csv")
        let events = try store.eventCount()
        do {
            _ = try store.record(release, massChangeRules: Self.rules)
            Issue.record("a release changing every row's category was written")
        } catch {
            guard case .massChange(let change) = error else { throw error }
            #expect(change.fieldChanges.first?.field == .category)
            #expect(change.fieldChanges.first?.rows == 60)
            #expect(change.description.contains("category changed in 60 rows (100%; the limit is 20%)"))
            #expect(change.description.hasSuffix("record it accepting the mass change. Nothing was written."))
            #expect(!change.description.contains("--"))
        }
        #expect(try store.eventCount() == events)
        #expect(try store.releases().count == 1)
        guard case .recorded(_, let batch) = try store.record(release) else { throw LedgerError.rejected("not recorded") }
        #expect(batch.total == 60)
        #expect(try store.verify().isValid)
    }

    @Test("a corrected release like the demo's April one (a tenth of the rows corrected) passes the shipped rules")
    func correctedRelease() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try LedgerStore(directory: directory.path)
        let rules = try ShippedSchemas.decode(MassChangeRules.self, "rules/mass-change.json")
        var generator = RegistrationGenerator(seed: 32)
        let rows = generator.rows(count: 110)
        let september = try #require(Day(year: 2021, month: 9, day: 15))
        _ = try store.record(incoming(rows, published: september, name: "release-0.csv"), massChangeRules: rules)
        var corrected = rows
        for index in stride(from: 0, to: 110, by: 9) {
            corrected[index].category = corrected[index].category == .high ? .low : .high
        }
        let outcome = try store.record(incoming(corrected, published: september.adding(days: 60), name: "release-1.csv"), massChangeRules: rules)
        guard case .recorded(_, let batch) = outcome else { throw LedgerError.rejected("not recorded") }
        #expect(batch.total == 13)
    }

    @Test("a small base is never held back")
    func smallBase() {
        let event = RegistrationEvent(
            release: ReleaseID(2), base: ReleaseID(1), classification: .correction,
            key: RegistrationKey(pgn: PGN(value: 17)!, institution: "01KI", branch: "00", periodStart: Day(daysSinceEpoch: 0)),
            change: .retracted)
        #expect(MassChange.assess([event], fileName: "x.csv", base: ReleaseID(1), baseRows: 19, rules: Self.rules) == nil)
        #expect(MassChange.assess([event], fileName: "x.csv", base: ReleaseID(1), baseRows: 20, rules: Self.rules) == nil)
        let many = Array(repeating: event, count: 5)
        #expect(MassChange.assess(many, fileName: "x.csv", base: ReleaseID(1), baseRows: 20, rules: Self.rules)?.corrections == 5)
    }
}
