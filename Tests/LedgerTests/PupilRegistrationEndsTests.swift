import Ledger
import Testing

/// When a pupil's registrations ended, clause by clause of `Schemas/rules/retention.json`'s
/// description, on rows built by hand.
@Suite("When each pupil's registrations ended")
struct PupilRegistrationEndsTests {
    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func row(_ pupil: UInt32, periodEnd: String? = nil, enrolledUntil: String? = nil) -> Registration {
        var row = Registration(
            pgn: PGN(pupilNumber: pupil)!, institution: "01AB", branch: "00", schoolType: .so, enrolledFrom: day("2021-08-01"),
            periodStart: day("2021-08-01"), funded: true)
        row.periodEnd = periodEnd.map(day)
        row.enrolledUntil = enrolledUntil.map(day)
        return row
    }

    private func scope(_ period: String, swv: String = "SV2101") -> Scope {
        Scope(product: "kijkglas2", swv: swv, period: period)
    }

    @Test("a row ends on its period's end, else its uitschrijving; one open row keeps the pupil; the latest end counts")
    func ends() {
        let ends = PupilRegistrationEnds([
            (scope("2021-2022"), [(day("2021-10-15"), [row(1, periodEnd: "2021-12-31"), row(1, enrolledUntil: "2022-03-01"), row(2, periodEnd: "2022-01-01"), row(2)])])
        ])
        #expect(ends.lastEnd[PGN(pupilNumber: 1)!] == .some(day("2022-03-01")))
        #expect(ends.lastEnd[PGN(pupilNumber: 2)!] == .some(nil))
        #expect(ends.ended(before: day("2022-03-02")).map(\.pupil) == [PGN(pupilNumber: 1)!])
        #expect(ends.ended(before: day("2022-03-01")).isEmpty)
    }

    @Test("a row a later release of its scope no longer holds ended by that release's publication")
    func dropped() {
        let ends = PupilRegistrationEnds([
            (scope("2021-2022"), [
                (day("2021-10-15"), [row(1), row(2, periodEnd: "2021-09-01"), row(3)]),
                (day("2021-11-15"), [row(3)]),
            ])
        ])
        #expect(ends.lastEnd[PGN(pupilNumber: 1)!] == .some(day("2021-11-15")))
        #expect(ends.lastEnd[PGN(pupilNumber: 2)!] == .some(day("2021-09-01")))
        #expect(ends.lastEnd[PGN(pupilNumber: 3)!] == .some(nil))
    }

    @Test("an open row ends with its school year once the ledger holds a later school year of the same SWV, and only then")
    func laterSchoolYear() {
        let ends = PupilRegistrationEnds([
            (scope("2021-2022"), [(day("2022-07-27"), [row(1), row(2)])]),
            (scope("2022-2023"), [(day("2022-10-15"), [row(2)])]),
            (scope("2021-2022", swv: "SV2102"), [(day("2022-07-27"), [row(3)])]),
        ])
        #expect(ends.lastEnd[PGN(pupilNumber: 1)!] == .some(day("2022-07-31")))
        #expect(ends.lastEnd[PGN(pupilNumber: 2)!] == .some(nil))
        #expect(ends.lastEnd[PGN(pupilNumber: 3)!] == .some(nil))
    }

    @Test("the retention period keeps the same day so many years back, 29 February on 28 February")
    func keptFrom() {
        let rule = RetentionRule(years: 7)
        #expect(rule.keptFrom(on: day("2030-01-01")) == day("2023-01-01"))
        #expect(rule.keptFrom(on: day("2028-02-29")) == day("2021-02-28"))
    }
}
