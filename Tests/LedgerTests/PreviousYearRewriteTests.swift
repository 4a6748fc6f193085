import Ledger
import SampleData
import Testing

@Suite("A new school year's first file compared with the previous year's on that year's days")
struct PreviousYearRewriteTests {
    private static let yearStart = Day.literal(2021, 8, 1)

    /// A registration spanning both years, as the previous year's file holds it.
    private func spanning() -> Registration {
        var row = Registration(
            pgn: PGN(value: 100_000_016)!, institution: "01KI", branch: "00", schoolType: .vso, enrolledFrom: .literal(2019, 8, 1),
            periodStart: .literal(2019, 8, 1), funded: true)
        row.category = .low
        row.tlvFrom = .literal(2020, 8, 1)
        row.tlvUntil = .literal(2021, 7, 31)
        return row
    }

    private func rewrite(_ old: [Registration], _ new: [Registration]) -> [PreviousYearRewrite.Rewritten] {
        PreviousYearRewrite(release: ReleaseID(2), previous: ReleaseID(1), yearStart: Self.yearStart, rows: new, previousRows: old).registrations
    }

    @Test("a renewed TLV, a row of the new year and an unchanged row rewrite nothing")
    func nothing() {
        let old = spanning()
        var renewed = old
        renewed.tlvFrom = Self.yearStart
        renewed.tlvUntil = .literal(2022, 7, 31)
        var newcomer = old
        newcomer.pgn = PGN(value: 100_000_028)!
        newcomer.periodStart = .literal(2021, 9, 1)
        newcomer.enrolledFrom = newcomer.periodStart
        #expect(rewrite([old], [renewed, newcomer]).isEmpty)
        #expect(rewrite([old], [old]).isEmpty)
    }

    @Test("a category from the start, an end inside the previous year and a registration it never held are rewrites")
    func rewrites() {
        let old = spanning()
        var category = old
        category.category = .medium
        #expect(rewrite([old], [category]) == [.init(key: old.key, difference: .changed([FieldChange(field: .category, old: "L", new: "M")]))])
        var ended = old
        ended.periodEnd = .literal(2021, 6, 30)
        #expect(rewrite([old], [ended]).map(\.key) == [old.key])
        var endedOnLastDay = old
        endedOnLastDay.periodEnd = .literal(2021, 7, 31)
        #expect(rewrite([old], [endedOnLastDay]).isEmpty, "an end on the last day leaves every day of the previous year as it was")
        var unknown = old
        unknown.pgn = PGN(value: 100_000_031)!
        #expect(rewrite([old], [old, unknown]) == [.init(key: unknown.key, difference: .notHeld)])
        var moved = old
        moved.periodStart = .literal(2019, 9, 1)
        moved.enrolledFrom = moved.periodStart
        #expect(rewrite([old], [moved]).map(\.key) == [moved.key], "a moved start is the same registration, rewritten")
    }

    @Test("a figure that differs lists the pupils whose days the next school year's file rewrote")
    func reconcileNamesRewrittenPupils() {
        let row = spanning()
        var category = row
        category.category = .medium
        let rewrite = PreviousYearRewrite(release: ReleaseID(2), previous: ReleaseID(1), yearStart: Self.yearStart, rows: [category], previousRows: [row])
        let february = Day.literal(2021, 2, 1)
        let counted = CountedPupils(rows: CountingRowPool([row]), on: february, selection: .everyValidRow)
        func reconcile(_ rewrites: [PreviousYearRewrite]) -> [FigureReconciliation.Candidate] {
            let figures = [
                StatedFigure(measure: .countFebruary, day: february, schoolType: .vso, category: .low, value: .number(0)),
                StatedFigure(measure: .countFebruary, day: february, schoolType: .vso, category: .medium, value: .number(1)),
            ]
            return FigureReconciliation(
                figures: figures, peildatum: february, octoberBefore: { _ in nil }, isTotal: { _ in false },
                then: { _ in counted }, now: { _ in counted }, assumptions: [], rewrites: rewrites
            ).lines.flatMap(\.candidates)
        }
        let reason = FigureReconciliation.Reason.rewrittenByNextSchoolYear(release: ReleaseID(2))
        let candidates = reconcile([rewrite])
        #expect(candidates.count == 2 && candidates.allSatisfy { $0.pgn == row.pgn && $0.day == february && $0.reason == reason })
        #expect(reconcile([]).isEmpty)
    }
}
