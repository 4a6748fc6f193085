import Foundation
import LMDB
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

/// `FigureReconciliation` and `SnapshotReconciliation` against DUO figures made by the
/// independent `ProjectionOracle` from generated histories recorded in a real ledger: figures
/// made from the ledger's own registrations agree; one figure changed makes exactly that figure
/// differ.
@Suite("Reconciliation")
struct ReconciliationTests {
    static let october = Day.literal(2021, 10, 1)
    static let february = Day.literal(2022, 2, 1)

    /// A ledger of four releases of one SWV's registrations, the oracle over them, and a
    /// Kijkglas 3 of the oracle's counts per cell as known at the third release.
    private struct Setting {
        let directory: TemporaryDirectory
        let store: LedgerStore
        let oracle: ProjectionOracle
        let statedOn: Day
        var generator: CountingHistoryGenerator

        init(seed: UInt64) throws {
            generator = CountingHistoryGenerator(seed: seed)
            let scope = Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022")
            let publications = [Day.literal(2021, 9, 15), .literal(2021, 11, 20), .literal(2022, 4, 29), .literal(2022, 6, 1)]
            var rows = generator.rows(count: 200)
            var versions: [ProjectionOracle.Version] = []
            for published in publications {
                versions.append(.init(scope: scope, published: published, withdrawn: nil, rows: rows))
                rows = generator.evolve(rows)
            }
            statedOn = publications[2]
            directory = try TemporaryDirectory()
            store = try LedgerStore(directory: directory.path)
            for (index, version) in versions.enumerated() {
                _ = try store.record(IncomingRelease(
                    scope: version.scope, publishedOn: version.published, fileName: "r\(index).csv",
                    fileSHA256: [UInt8](repeating: UInt8(index + 1), count: 32), rows: version.rows))
            }
            // The oracle sees the rows as the ledger stores them: pupil numbers, coarse birth dates.
            let store = store
            oracle = ProjectionOracle(
                versions: try versions.map { version in
                    var stored = version
                    stored.rows = try store.asStored(version.rows)
                    return stored
                }, rules: try ShippedSchemas.countingRules())
        }

        /// The oracle's count of pupils of `swv` on `day` in one cell, as known at `statedOn`.
        func oracleCount(on day: Day, _ schoolType: SchoolType, _ category: FundingCategory) -> Int {
            oracle.counted(oracle.rows(knownAt: statedOn), on: day, swv: "VO9901").values
                .count { $0.schoolType == schoolType && $0.category == category }
        }

        /// Kijkglas 3 figures as DUO would state them if it counted as the oracle does.
        func kijkglas3() -> [StatedFigure] {
            SchoolType.allCases.flatMap { schoolType in
                FundingCategory.allCases.flatMap { category -> [StatedFigure] in
                    let before = oracleCount(on: ReconciliationTests.october, schoolType, category)
                    let after = oracleCount(on: ReconciliationTests.february, schoolType, category)
                    func figure(_ measure: StatedFigure.Measure, _ value: StatedValue) -> StatedFigure {
                        StatedFigure(measure: measure, day: ReconciliationTests.february, schoolType: schoolType, category: category, value: value)
                    }
                    return [
                        figure(.countOctober, before < 5 && before > 0 ? .fewerThan(5) : .number(before)),
                        figure(.countFebruary, .number(after)), figure(.growth, .number(after - before)),
                        figure(.amountPerPupil, .amount(Money(cents: 914_459))),
                        figure(.transferDuty, .amount(Money(cents: 914_459) * max(0, after - before))),
                    ]
                }
            }
        }

        /// Reconciles `figures` as `kijkglas reconcile` does, after recording them as a release.
        func reconcile(_ figures: [StatedFigure]) throws -> FigureReconciliation {
            let outcome = try store.record(IncomingRelease(
                scope: Scope(product: "kijkglas-3", swv: "VO9901", period: ReconciliationTests.february.iso), publishedOn: statedOn,
                fileName: "k3.csv", fileSHA256: Array(UUID().uuidString.utf8.prefix(32)), content: .figures, rows: [], figures: figures))
            guard case .recorded(let release, _) = outcome else { throw LedgerError.rejected("not recorded") }
            let rules = try ShippedSchemas.countingRules()
            let then = try store.knownState2021(at: statedOn)
            let now = try store.knownState2021()
            func counter(_ state: KnownState, _ rules: CountingRules) -> (Day) -> CountedPupils? {
                { state.counted(on: $0, selection: .rules(rules), payingSwv: "VO9901") }
            }
            return FigureReconciliation(
                figures: try store.figures(of: release.id), peildatum: ReconciliationTests.february,
                octoberBefore: { _ in ReconciliationTests.october }, isTotal: { _ in false },
                then: counter(then, rules), now: counter(now, rules),
                assumptions: rules.reversedAssumptions.map { (rule: $0.rule, count: counter(then, $0.rules)) })
        }
    }

    @Test("figures made by the oracle agree; one changed figure differs alone", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func figures(seed: UInt64) throws {
        var setting = try Setting(seed: seed)
        defer { setting.directory.remove() }
        let figures = setting.kijkglas3()
        #expect(figures.contains { if case .number(let n) = $0.value { n > 0 } else { false } })
        let agreeing = try setting.reconcile(figures)
        #expect(agreeing.agrees)
        #expect(agreeing.lines.count { $0.verdict == .agrees } == figures.count - 6)
        #expect(agreeing.lines.allSatisfy { $0.candidates.isEmpty })

        let counts = figures.indices.filter { [.countFebruary, .growth].contains(figures[$0].measure) }
        let changed = try #require(counts.randomElement(using: &setting.generator.random))
        var wrong = figures
        if case .number(let value) = wrong[changed].value { wrong[changed].value = .number(value + 1 + Int(seed % 3)) }
        let differing = try setting.reconcile(wrong)
        #expect(!differing.agrees)
        #expect(differing.lines.indices.filter { differing.lines[$0].verdict == .differs } == [changed])
        #expect(try setting.store.verify().isValid)
    }

    @Test("a pupil corrected after the figures were stated is named as the explanation")
    func correctionExplains() throws {
        for seed in 1...12 as ClosedRange<UInt64> {
            let setting = try Setting(seed: seed)
            defer { setting.directory.remove() }
            let known = setting.oracle.counted(setting.oracle.rows(knownAt: setting.statedOn), on: Self.february, swv: "VO9901")
            let today = setting.oracle.counted(setting.oracle.rows(knownAt: nil), on: Self.february, swv: "VO9901")
            guard let corrected = Set(known.keys).symmetricDifference(today.keys).first else { continue }
            let row = (known[corrected] ?? today[corrected])!
            guard let category = row.category else { continue }
            let figure = StatedFigure(
                measure: .countFebruary, day: Self.february, schoolType: row.schoolType, category: category,
                value: .number(setting.oracleCount(on: Self.february, row.schoolType, category) + 1))
            let reconciliation = try setting.reconcile([figure])
            let line = try #require(reconciliation.lines.first)
            #expect(line.verdict == .differs)
            #expect(line.candidates.contains { $0.pgn == corrected && $0.day == Self.february })
            return
        }
        Issue.record("no seed produced a pupil corrected after the figures")
    }

    @Test("DUO's settled pupils against the ledger's count: the same list agrees, a missing pupil is named")
    func snapshot() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            var setting = try Setting(seed: seed)
            defer { setting.directory.remove() }
            let counted = setting.oracle.counted(setting.oracle.rows(knownAt: setting.statedOn), on: Self.october, swv: "VO9901")
            let settled = counted.values.map { row in
                var snapshot = Registration(
                    pgn: row.pgn, institution: row.institution, branch: row.branch, schoolType: row.schoolType,
                    enrolledFrom: Self.october, periodStart: Self.october, funded: true)
                snapshot.periodEnd = Self.october
                snapshot.category = row.category
                snapshot.payingSwv = "VO9901"
                return snapshot
            }
            let ledger = CountedPupils(
                rows: try setting.store.knownRows2021(at: setting.statedOn), on: Self.october, selection: .rules(try ShippedSchemas.countingRules()), payingSwv: "VO9901")
            #expect(SnapshotReconciliation(settled: settled, swv: "VO9901", counted: ledger).agrees)

            let dropped = try #require(settled.randomElement(using: &setting.generator.random))
            let short = SnapshotReconciliation(settled: settled.filter { $0.pgn != dropped.pgn }, swv: "VO9901", counted: ledger)
            #expect(short.differences.map(\.pgn) == [dropped.pgn])
            #expect(short.settledCount == settled.count - 1 && short.countedCount == settled.count)
        }
    }

    @Test("verify names a figures release whose stored figures differ from its log")
    func damagedFigures() throws {
        let setting = try Setting(seed: 9)
        defer { setting.directory.remove() }
        _ = try setting.reconcile(setting.kijkglas3())
        #expect(try setting.store.verify().isValid)
        let environment = try Environment(directory: setting.directory.path)
        let figures = try environment.database("figures")
        try environment.write { transaction in
            let entry = try #require(try transaction.withCursor(in: figures) { try $0.first() })
            var bytes = entry.value
            bytes[bytes.count - 1] ^= 0x01
            try transaction.put(bytes, for: entry.key, in: figures)
        }
        let report = try LedgerStore(directory: setting.directory.path, readOnly: true).verify()
        #expect(report.problems.contains { $0.message.contains("stored figures differ") })
    }
}
