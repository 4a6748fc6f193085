import Ledger
import SampleData
import Testing

@Suite("Counting rules")
struct CountingRulesTests {
    private let day = Day(year: 2021, month: 10, day: 1)!

    /// A row that counts on 1 October 2021 under the shipped rules.
    private func countingRow() -> Registration {
        var row = Registration(
            pgn: PGN(value: 123_456_780)!, institution: "25GP", branch: "00", schoolType: .vso,
            enrolledFrom: Day(year: 2021, month: 8, day: 1)!, periodStart: Day(year: 2021, month: 8, day: 1)!, funded: true)
        row.cluster = 4
        row.residence = 0
        row.category = .medium
        row.tlvNumber = "VO2508-2021-12345"
        row.tlvFrom = Day(year: 2021, month: 8, day: 1)!
        row.tlvUntil = Day(year: 2022, month: 7, day: 31)!
        return row
    }

    private func counts(_ change: (inout Registration) -> Void, rules: CountingRules? = nil) throws -> Bool {
        var row = countingRow()
        change(&row)
        return try (rules ?? ShippedSchemas.countingRules()).counts(CountingRow(row), on: day)
    }

    @Test("the shipped rules give a source for every rule and count a plain cluster 4 pupil")
    func shipped() throws {
        let rules = try ShippedSchemas.countingRules()
        #expect(rules.countedClusters.value == [3, 4])
        for source in [rules.countedClusters.source, rules.missingCluster.source, rules.excludedResidences.source,
            rules.missingResidence.source, rules.tlvWithoutDates.source, rules.payingSwvFromTLVNumber.source,
            rules.countedOnceBy.source]
        {
            #expect(source.hasPrefix("[C]") || source.hasPrefix("[I]") || source.hasPrefix("[?]"))
        }
        #expect(try counts { _ in })
    }

    @Test("a row ending on the day counts, and so does one starting on it")
    func periodEdges() throws {
        #expect(try counts { $0.periodEnd = day })
        #expect(try counts { $0.periodStart = day; $0.enrolledFrom = day; $0.tlvFrom = day })
        #expect(try !counts { $0.periodEnd = day.adding(days: -1) })
        #expect(try !counts { $0.periodStart = day.adding(days: 1) })
    }

    @Test("a TLV ending the day before does not count; one ending on the day does")
    func tlvEdges() throws {
        #expect(try !counts { $0.tlvUntil = day.adding(days: -1) })
        #expect(try counts { $0.tlvUntil = day })
        #expect(try !counts { $0.tlvFrom = day.adding(days: 1) })
        #expect(try !counts { $0.tlvNumber = nil; $0.tlvFrom = nil; $0.tlvUntil = nil })
        #expect(try !counts { $0.tlvUntil = nil })
    }

    @Test("not enrolled, not funded, cluster 1/2 and JJI/GJI do not count")
    func exclusions() throws {
        #expect(try !counts { $0.enrolledUntil = day.adding(days: -1) })
        #expect(try counts { $0.enrolledUntil = day })
        #expect(try !counts { $0.funded = false })
        #expect(try !counts { $0.cluster = 2 })
        #expect(try counts { $0.cluster = 3 })
        #expect(try !counts { $0.residence = 6 })
        #expect(try counts { $0.residence = 3 })
    }

    @Test("the [?] rules change the answer when the data changes")
    func configurable() throws {
        var rules = try ShippedSchemas.countingRules()
        #expect(try counts({ $0.cluster = nil }, rules: rules))
        rules.missingCluster.value = .notCounted
        #expect(try !counts({ $0.cluster = nil }, rules: rules))
        rules.tlvWithoutDates.value = .counted
        #expect(try counts({ $0.tlvUntil = nil }, rules: rules))
        rules.excludedResidences.value = [3, 4, 5, 6]
        #expect(try !counts({ $0.residence = 3 }, rules: rules))
    }

    @Test("the paying SWV is the TLV's issuer, read from the TLV number when the row names none")
    func payingSwv() throws {
        var rules = try ShippedSchemas.countingRules()
        var row = countingRow()
        row.swv = "VO9901"
        #expect(rules.payingSwv(of: CountingRow(row)) == "VO2508")
        row.payingSwv = "VO2601"
        #expect(rules.payingSwv(of: CountingRow(row)) == "VO2601")
        row.payingSwv = nil
        rules.payingSwvFromTLVNumber.value = false
        #expect(rules.payingSwv(of: CountingRow(row)) == nil)
    }

    @Test("a pupil counting at two schools counts once, by the newest enrolment")
    func countedOnce() throws {
        let rules = try ShippedSchemas.countingRules()
        let old = countingRow()
        var new = countingRow()
        new.institution = "00AO"
        new.periodStart = Day(year: 2021, month: 9, day: 1)!
        new.category = .high
        let counted = CountedPupils(rows: CountingRowPool([new, old]), on: day, selection: .rules(rules))
        #expect(counted.count == 1)
        #expect(counted.pupils.first?.row == CountingRow(new))
        let count = PupilCount(counted, by: .category)
        #expect(count.groups.map(\.label) == ["H"])
    }

    @Test("--all counts every valid row, unfunded ones too, and --swv keeps the TLVs that SWV issued")
    func allAndSwv() throws {
        let rules = try ShippedSchemas.countingRules()
        var unfunded = countingRow()
        unfunded.pgn = PGN(value: 123_456_781)!
        unfunded.funded = false
        let rows = CountingRowPool([countingRow(), unfunded])
        #expect(CountedPupils(rows: rows, on: day, selection: .rules(rules)).count == 1)
        #expect(PupilCount(rows: rows, on: day, by: .funded).groups.map(\.count) == [1, 1])
        #expect(CountedPupils(rows: rows, on: day, selection: .rules(rules), payingSwv: "VO2508").count == 1)
        #expect(CountedPupils(rows: rows, on: day, selection: .rules(rules), payingSwv: "VO9901").count == 0)
    }
}
