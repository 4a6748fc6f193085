import Ledger
import Testing
import SampleData
import TestSupport

@Suite("Diff and fold")
struct RegistrationDiffTests {
    private static let published = Day(year: 2022, month: 2, day: 20)!
    private static let basePublished = Day(year: 2021, month: 12, day: 15)!

    private func fold(_ old: [Registration], _ new: [Registration]) throws -> RowState {
        var state = RowState(rows: old)
        for change in RegistrationDiff.changes(
            from: old, to: new, basePublished: Self.basePublished, published: Self.published)
        {
            try state.apply(
                RegistrationEvent(
                    release: ReleaseID(2), base: ReleaseID(1), classification: change.classification, key: change.key,
                    change: change.change))
        }
        return state
    }

    @Test("folding the diff onto the old rows gives exactly the new rows, over many random histories")
    func foldIsExact() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        for _ in 0..<200 {
            var rows = generator.rows(count: Int.random(in: 0..<40, using: &generator.random))
            for _ in 0..<4 {
                let next = generator.evolve(rows)
                #expect(try fold(rows, next) == RowState(rows: next), "seed \(seed)")
                rows = next
            }
        }
    }

    @Test("two rows have the same value of a field exactly when they have the same text of it")
    func sameValueIsSameText() {
        let seed = SplitMix64.seedFromEnvironment()
        var generator = RegistrationGenerator(seed: seed)
        let rows = generator.rows(count: 100)
        let pairs = Array(zip(rows, generator.evolve(rows))) + Array(zip(rows, rows.shuffled(using: &generator.random)))
        for (a, b) in pairs {
            for field in Registration.Field.allCases {
                #expect(a.hasSameValue(of: field, as: b) == (a.text(of: field) == b.text(of: field)), "\(field) seed \(seed)")
            }
        }
    }

    @Test("identical row sets give no events, in any order")
    func identical() {
        var generator = RegistrationGenerator(seed: 7)
        let rows = generator.rows(count: 50)
        #expect(RegistrationDiff.changes(from: rows, to: rows.reversed(), basePublished: nil, published: Self.published).isEmpty)
    }

    @Test("a row whose start moved is one change of periodStart, not a retraction and an opening")
    func movedStart() throws {
        var generator = RegistrationGenerator(seed: 11)
        var row = generator.row()
        row.periodStart = Day(year: 2021, month: 9, day: 1)!
        row.periodEnd = nil
        var moved = row
        moved.periodStart = Day(year: 2021, month: 8, day: 16)!
        let changes = RegistrationDiff.changes(
            from: [row], to: [moved], basePublished: Self.basePublished, published: Self.published)
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.key == row.key)
        #expect(change.change == .changed([FieldChange(field: .periodStart, old: "2021-09-01", new: "2021-08-16")]))
        #expect(change.classification == .correction)
    }

    @Test("closing after the base's publication is a change; before it, a correction; after this release, future-dated")
    func closingClassification() throws {
        var generator = RegistrationGenerator(seed: 5)
        var row = generator.row()
        row.periodStart = Day(year: 2021, month: 8, day: 1)!
        row.periodEnd = nil
        func classify(closingOn end: Day) -> Classification? {
            var closed = row
            closed.periodEnd = end
            return RegistrationDiff.changes(
                from: [row], to: [closed], basePublished: Self.basePublished, published: Self.published
            ).first?.classification
        }
        #expect(classify(closingOn: Day(year: 2022, month: 1, day: 31)!) == .change)
        #expect(classify(closingOn: Day(year: 2021, month: 11, day: 30)!) == .correction)
        #expect(classify(closingOn: Self.basePublished) == .change)
        #expect(classify(closingOn: Self.basePublished.adding(days: -1)) == .correction)
        #expect(classify(closingOn: Self.published) == .futureDated)
    }

    @Test("a TLV or enrolment moved to start before the row affects the row from its own start, not earlier", arguments: [
        Registration.Field.tlvFrom, .enrolledFrom,
    ])
    func startBeforeRowIsClampedToTheRow(field: Registration.Field) throws {
        var generator = RegistrationGenerator(seed: 17)
        var row = generator.row()
        // The row starts after the base's publication: whatever earlier day its TLV or
        // enrolment now names, only days since then change.
        row.periodStart = Self.basePublished.adding(days: 10)
        row.periodEnd = nil
        row.enrolledFrom = row.periodStart
        row.tlvFrom = row.periodStart
        var earlier = row
        let day = Day(year: 2021, month: 8, day: 1)!
        if field == .tlvFrom { earlier.tlvFrom = day } else { earlier.enrolledFrom = day }
        let changes = RegistrationDiff.changes(from: [row], to: [earlier], basePublished: Self.basePublished, published: Self.published)
        #expect(changes.map(\.classification) == [.change])
        // The same change on a row that started before the base's publication corrects the past.
        var old = row
        old.periodStart = Self.basePublished.adding(days: -30)
        old.enrolledFrom = old.periodStart
        old.tlvFrom = old.periodStart
        var corrected = old
        if field == .tlvFrom { corrected.tlvFrom = day } else { corrected.enrolledFrom = day }
        #expect(
            RegistrationDiff.changes(from: [old], to: [corrected], basePublished: Self.basePublished, published: Self.published)
                .map(\.classification) == [.correction])
    }

    @Test("a funding flip is a flag event carrying DUO's reason, and a category change lists old and new")
    func flagsAndFields() throws {
        var generator = RegistrationGenerator(seed: 9)
        var row = generator.row()
        row.funded = true
        row.unfundedReason = nil
        row.category = .low
        var next = row
        next.funded = false
        next.unfundedReason = "Geen geldige TLV"
        next.category = .medium
        let kinds = RegistrationDiff.changes(from: [row], to: [next], basePublished: nil, published: Self.published)
            .map(\.change)
        #expect(kinds == [
            .flaggedUnfunded(reason: "Geen geldige TLV"),
            .changed([FieldChange(field: .category, old: "L", new: "M")]),
        ])
    }

    @Test("every event of a first release is initial")
    func initial() {
        var generator = RegistrationGenerator(seed: 3)
        let changes = RegistrationDiff.changes(from: [], to: generator.rows(count: 20), basePublished: nil, published: Self.published)
        #expect(changes.count == 20)
        #expect(changes.allSatisfy { $0.classification == .initial })
    }

    @Test("a fold rejects an event that does not fit")
    func foldRejects() {
        var generator = RegistrationGenerator(seed: 13)
        let row = generator.row()
        var state = RowState(rows: [row])
        #expect(throws: FoldError.self) {
            try state.apply(RegistrationEvent(release: ReleaseID(2), base: ReleaseID(1), classification: .change, key: row.key, change: .opened(row)))
        }
        var other = row
        other.institution = "99ZZ"
        #expect(throws: FoldError.self) {
            try state.apply(RegistrationEvent(release: ReleaseID(2), base: ReleaseID(1), classification: .change, key: other.key, change: .retracted))
        }
    }
}
