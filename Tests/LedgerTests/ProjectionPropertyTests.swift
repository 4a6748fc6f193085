import Foundation
import Ledger
import SampleData
import Testing
import TestSupport

/// Two scopes of four releases each, recorded in a shuffled order (so some arrive late) into a
/// real LMDB ledger, with one release withdrawn before its successor appeared.
private struct RecordedHistory {
    let versions: [ProjectionOracle.Version]
    let directory: TemporaryDirectory
    let store: LedgerStore

    static let withdrawnOn = Day(year: 2022, month: 3, day: 1)!
    static let publications: [[Day]] = [
        [Day(year: 2021, month: 9, day: 15)!, Day(year: 2021, month: 11, day: 20)!, Day(year: 2022, month: 1, day: 25)!, Day(year: 2022, month: 4, day: 29)!],
        [Day(year: 2021, month: 9, day: 20)!, Day(year: 2021, month: 12, day: 1)!, Day(year: 2022, month: 2, day: 3)!, Day(year: 2022, month: 5, day: 10)!],
    ]

    init(seed: UInt64) throws {
        var generator = CountingHistoryGenerator(seed: seed)
        var versions: [ProjectionOracle.Version] = []
        for (index, swv) in ["VO9901", "VO2508"].enumerated() {
            let scope = Scope(product: "kijkglas-2", swv: swv, period: "2021-2022")
            var rows = generator.rows(count: 30)
            for published in Self.publications[index] {
                versions.append(.init(scope: scope, published: published, withdrawn: nil, rows: rows))
                rows = generator.evolve(rows)
            }
        }
        versions[2].withdrawn = Self.withdrawnOn
        self.versions = versions
        directory = try TemporaryDirectory()
        store = try LedgerStore(directory: directory.path)
        var order = Array(versions.indices)
        order.shuffle(using: &generator.random)
        for index in order {
            let version = versions[index]
            var sha = [UInt8](repeating: 0, count: 32)
            sha[0] = UInt8(index)
            _ = try store.record(IncomingRelease(
                scope: version.scope, publishedOn: version.published, fileName: "r\(index).csv", fileSHA256: sha, rows: version.rows))
        }
        let withdrawn = try store.releases().first { $0.fileName == "r2.csv" }!
        try store.withdraw(withdrawn.id, on: Self.withdrawnOn, reason: "fouten in TLV-koppeling")
    }

    /// Valid days to ask about: the key days and their neighbours, and random days.
    func days(_ generator: inout CountingHistoryGenerator) -> [Day] {
        CountingHistoryGenerator.keyDays.flatMap { [$0.adding(days: -1), $0, $0.adding(days: 1)] } + (0..<4).map { _ in generator.day() }
    }

    /// Days of knowledge: today, every publication and withdrawal day and the day before it.
    var knownAtDays: [Day?] {
        let days = versions.map(\.published) + [Self.withdrawnOn]
        return [nil] + days.flatMap { [$0.adding(days: -1), $0] }
    }
}

/// Counting rules: the shipped ones, or a random variant of them.
private func rulesVariant(_ shipped: CountingRules, _ random: inout SplitMix64) -> CountingRules {
    var rules = shipped
    guard Bool.random(using: &random) else { return rules }
    rules.countedClusters.value = Set((1...4).filter { _ in Bool.random(using: &random) }.map(UInt8.init))
    rules.missingCluster.value = Bool.random(using: &random) ? .counted : .notCounted
    rules.excludedResidences.value = Set((0...6).filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map(UInt8.init))
    rules.missingResidence.value = Bool.random(using: &random) ? .counted : .notCounted
    rules.tlvWithoutDates.value = Bool.random(using: &random) ? .counted : .notCounted
    rules.payingSwvFromTLVNumber.value.toggle()
    rules.countedOnceBy.value = Bool.random(using: &random) ? .latestPeriodStart : .firstByIdentity
    return rules
}

@Suite("Projections against a brute-force oracle on a real ledger")
struct ProjectionPropertyTests {
    @Test("count, --all, --swv and every breakdown equal the oracle on every (day, known-at) pair", arguments: [1, 2, 3] as [UInt64])
    func counts(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let history = try RecordedHistory(seed: seed)
        defer { history.directory.remove() }
        var generator = CountingHistoryGenerator(seed: seed ^ 0x5EED)
        let rules = rulesVariant(try ShippedSchemas.countingRules(), &generator.random)
        let oracle = ProjectionOracle(versions: history.versions, rules: rules)
        var compared = 0
        for knownAt in history.knownAtDays {
            let state = try history.store.knownState(at: knownAt)
            let expectedRows = oracle.rows(knownAt: knownAt)
            let tally = { (rows: [CountingRow]) in Dictionary(rows.map { ($0, 1) }, uniquingKeysWith: +) }
            #expect(tally(Array(state.rows)) == tally(expectedRows.map(CountingRow.init)), "seed \(seed) known at \(String(describing: knownAt))")
            for day in history.days(&generator) {
                #expect(state.covers(day) == oracle.covers(day, knownAt: knownAt), "seed \(seed)")
                for swv in [nil, "VO9901", "VO2508"] as [String?] {
                    let counted = CountedPupils(rows: state.rows, on: day, selection: .rules(rules), payingSwv: swv)
                    let expected = oracle.counted(expectedRows, on: day, swv: swv)
                    // In PGN order, one row each.
                    #expect(counted.pupils.map(\.row) == expected.sorted { $0.key < $1.key }.map { CountingRow($0.value) }, "seed \(seed) day \(day) known at \(String(describing: knownAt)) swv \(swv ?? "-")")
                    let all = CountedPupils(rows: state.rows, on: day, selection: .everyValidRow, payingSwv: swv)
                    #expect(
                        all.pupils.map(\.row) == oracle.countedAll(expectedRows, on: day, swv: swv).sorted { $0.key < $1.key }.map { CountingRow($0.value) },
                        "seed \(seed) --all")
                    for breakdown in PupilCount.Breakdown.allCases {
                        let count = PupilCount(counted, by: breakdown)
                        let labels = expected.values.map { row -> String in
                            switch breakdown {
                            case .category: row.category?.rawValue ?? "-"
                            case .school: row.institution + "/" + row.branch
                            case .schooltype: row.schoolType.rawValue
                            case .funded: row.funded ? "funded" : "not funded"
                            case .payingswv: oracle.payingSwv(row) ?? "-"
                            }
                        }
                        let groups = Dictionary(grouping: labels, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key }
                        #expect(count.total == expected.count && count.groups.map(\.label) == groups.map(\.key)
                            && count.groups.map(\.count) == groups.map(\.value), "seed \(seed) by \(breakdown)")
                    }
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    @Test("growth per category and per pupil equals the oracle for the peildatum and random pairs of days", arguments: [1, 2] as [UInt64])
    func growth(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let history = try RecordedHistory(seed: seed)
        defer { history.directory.remove() }
        var generator = CountingHistoryGenerator(seed: seed ^ 0x6120)
        let rules = rulesVariant(try ShippedSchemas.countingRules(), &generator.random)
        let oracle = ProjectionOracle(versions: history.versions, rules: rules)
        let growthDays = try ShippedSchemas.fundingRules().growth
        let peildatum = Day(year: 2022, month: 2, day: 1)!
        #expect(growthDays.referenceDay(for: peildatum) == Day(year: 2021, month: 10, day: 1)!)
        #expect(growthDays.referenceDay(for: peildatum.adding(days: 1)) == nil)
        for knownAt in history.knownAtDays {
            let state = try history.store.knownState(at: knownAt)
            let rows = oracle.rows(knownAt: knownAt)
            var pairs = [(Day(year: 2021, month: 10, day: 1)!, peildatum)]
            for _ in 0..<3 {
                let (a, b) = (generator.day(), generator.day())
                pairs.append((min(a, b), max(a, b)))
            }
            for (reference, peil) in pairs {
                for swv in [nil, "VO9901"] as [String?] {
                    let growth = Growth(
                        from: CountedPupils(rows: state.rows, on: reference, selection: .rules(rules), payingSwv: swv),
                        to: CountedPupils(rows: state.rows, on: peil, selection: .rules(rules), payingSwv: swv))
                    let before = oracle.counted(rows, on: reference, swv: swv)
                    let after = oracle.counted(rows, on: peil, swv: swv)
                    for category in FundingCategory.allCases {
                        let line = growth.lines.first { $0.category == category }
                        let expected = after.values.filter { $0.category == category }.count - before.values.filter { $0.category == category }.count
                        #expect(line?.growth == expected, "seed \(seed) \(reference)→\(peil) \(category)")
                    }
                    #expect(growth.total.growth == after.count - before.count, "seed \(seed)")
                    var expectedMovements: [String] = []
                    for pgn in Set(before.keys).union(after.keys).sorted() {
                        switch (before[pgn], after[pgn]) {
                        case (nil, .some): expectedMovements.append("instroom \(pgn.value)")
                        case (.some, nil): expectedMovements.append("uitstroom \(pgn.value)")
                        case (let old?, let new?) where old.institution != new.institution || old.branch != new.branch:
                            expectedMovements.append("doorstroom \(pgn.value)")
                        case (let old?, let new?) where old.category != new.category:
                            expectedMovements.append("category \(pgn.value)")
                        default: break
                        }
                    }
                    #expect(growth.movements.map { "\($0.movement.rawValue) \($0.pgn.value)" } == expectedMovements, "seed \(seed)")
                    let moved = growth.movements.filter { $0.movement == .instroom }.count - growth.movements.filter { $0.movement == .uitstroom }.count
                    #expect(moved == growth.total.growth, "seed \(seed): instroom − uitstroom explains the growth")
                }
            }
        }
    }

    @Test("funding as known at each day uses the rates and the rows known then and equals the oracle", arguments: [1, 2] as [UInt64])
    func funding(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let history = try RecordedHistory(seed: seed)
        defer { history.directory.remove() }
        let rules = try ShippedSchemas.countingRules()
        let fundingRules = try ShippedSchemas.fundingRules()
        let oracle = ProjectionOracle(versions: history.versions, rules: rules)
        let table = try FundingTests.correctedRateTable()
        let year = FundingYear(text: "2022-2023")!
        let regime = try #require(fundingRules.regime(for: year))
        let teldatum = try #require(regime.teldatum.day(in: year.baseYear))
        let peildatum = try #require(regime.growthTransfer.flatMap { fundingRules.growth.peildatum.day(in: year.baseYear + $0.peildatumYearOffset) })
        #expect(teldatum == Day(year: 2021, month: 10, day: 1)! && peildatum == Day(year: 2022, month: 2, day: 1)!)
        for knownAt in history.knownAtDays + [FundingTests.correctionDay, FundingTests.correctionDay.adding(days: -1)] {
            let state = try history.store.knownState(at: knownAt)
            let rates = try #require(table.version(knownAt: knownAt))
            let growth = Growth(
                from: CountedPupils(rows: state.rows, on: teldatum, selection: .rules(rules)),
                to: CountedPupils(rows: state.rows, on: peildatum, selection: .rules(rules)))
            let funding = Funding(
                year: year, regime: regime, rates: rates, counted: CountedPupils(rows: state.rows, on: teldatum, selection: .rules(rules)),
                growth: growth)
            var cents: [RateBand: [FundingCategory: Int]] = [:]
            for amount in rates.amounts { cents[amount.band, default: [:]][amount.category] = amount.perPupil.cents }
            let expected = oracle.fundingCents(rows: oracle.rows(knownAt: knownAt), teldatum: teldatum, peildatum: peildatum, rates: cents)
            #expect(funding.total.cents == expected, "seed \(seed) known at \(String(describing: knownAt))")
            #expect(funding.lines.map(\.pupils).reduce(0, +) == growth.before.count, "seed \(seed)")
        }
    }

    @Test("revisions list the count as known at each publication and withdrawal day, and the change between them", arguments: [1, 2] as [UInt64])
    func revisions(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let history = try RecordedHistory(seed: seed)
        defer { history.directory.remove() }
        var generator = CountingHistoryGenerator(seed: seed ^ 0x4EF1)
        let rules = try ShippedSchemas.countingRules()
        let oracle = ProjectionOracle(versions: history.versions, rules: rules)
        let days = history.days(&generator)
        let loaded = try LoadedReleases(store: history.store)
        let revisions = try Revisions(
            days: days, points: loaded.knowledgePoints(covering: days),
            value: { state, day in state.covers(day) ? CountedPupils(rows: state.rows, on: day, selection: .rules(rules)).count : nil },
            state: { try history.store.knownState(at: $0) })
        let expectedPoints = Set(history.versions.map(\.published) + [RecordedHistory.withdrawnOn]).sorted()
        #expect(revisions.rows.map(\.point.day) == expectedPoints, "seed \(seed)")
        #expect(revisions.rows.first { $0.point.day == RecordedHistory.withdrawnOn }?.point.withdrawn.count == 1)
        for (column, day) in days.enumerated() {
            var previous: Int?
            for row in revisions.rows {
                let value = oracle.covers(day, knownAt: row.point.day) ? oracle.counted(oracle.rows(knownAt: row.point.day), on: day, swv: nil).count : nil
                #expect(row.values[column] == value, "seed \(seed) day \(day) known at \(row.point.day)")
                #expect(row.revisions[column] == previous.flatMap { old in value.map { $0 - old } }, "seed \(seed)")
                previous = value ?? previous
            }
        }
    }
}
