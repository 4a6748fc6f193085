import Foundation
import Ledger
import LedgerStorage
import SampleData
import Testing
import TestSupport

/// Counting rules: the shipped ones, or a random variant of them.
func rulesVariant(_ shipped: CountingRules, _ random: inout SplitMix64) -> CountingRules {
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

/// The breakdown labels of `pupils` the oracle expects, sorted by label.
func expectedGroups(_ pupils: [PGN: Registration], by breakdown: PupilCount.Breakdown, payer: (Registration) -> String?) -> [String: Int] {
    let labels = pupils.values.map { row -> String in
        switch breakdown {
        case .category: row.category?.rawValue ?? "-"
        case .school: row.institution + "/" + row.branch
        case .schooltype: row.schoolType.rawValue
        case .funded: row.funded ? "funded" : "not funded"
        case .payingswv: payer(row) ?? "-"
        }
    }
    return Dictionary(grouping: labels, by: { $0 }).mapValues(\.count)
}

/// Rows of counted pupils in PGN order, as the ledger lists them.
func inPGNOrder(_ pupils: [PGN: Registration]) -> [CountingRow] {
    pupils.sorted { $0.key < $1.key }.map { CountingRow($0.value) }
}

@Suite("Projections over two school years against a brute-force oracle of the rule, on a real ledger")
struct ProjectionPropertyTests {
    static let payers: [String?] = [nil, SchoolYearsLedger.swv, "PO2707"]

    @Test("the generated history holds year-end leavers, rewrites made only in the later year, a withdrawal in year 2 and a file loaded twice", arguments: [1, 2, 3] as [UInt64])
    func scenarios(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1)
        defer { ledger.directory.remove() }
        let history = ledger.history
        #expect(!history.yearEndLeavers.isEmpty, "seed \(seed)")
        #expect(!history.rewrittenInLaterYear.isEmpty, "seed \(seed)")
        let lastOfYear1 = try #require(history.releases.last { $0.scope.period == "2020-2021" })
        let year2 = history.releases.filter { $0.scope.period == "2021-2022" }
        for pgn in history.yearEndLeavers {
            #expect(lastOfYear1.rows.contains { $0.pgn == pgn && $0.periodEnd == nil }, "seed \(seed)")
            #expect(!year2.contains { $0.rows.contains { $0.pgn == pgn } }, "seed \(seed)")
        }
        for key in history.rewrittenInLaterYear {
            let first = try #require(year2.first?.rows.first { $0.key == key })
            #expect(lastOfYear1.rows.contains { $0.key == key && $0 != first }, "seed \(seed)")
        }
        let withdrawn = history.releases[history.withdrawn]
        #expect(withdrawn.scope.period == "2021-2022" && withdrawn.withdrawn! > withdrawn.published, "seed \(seed)")
        if let next = history.releases.dropFirst(history.withdrawn + 1).first { #expect(withdrawn.withdrawn! < next.published, "seed \(seed)") }
        // The history exercises the rule: pooling every known release of the SWV over the
        // school years (the answer before the rule) gives another count on some day of the second
        // year, and while the second year's releases are current, on some day of the first.
        let rules = try ShippedSchemas.countingRules()
        let oracle = ProjectionOracle(versions: ledger.versions, rules: rules)
        func pooled(_ day: Day, knownAt: Day?) -> [PGN: Registration] {
            oracle.counted(oracle.rows(knownAt: knownAt), on: day, payer: nil)
        }
        var random = SplitMix64(seed: seed)
        let days = ledger.days(&random, randomPerYear: 30)
        func differs(_ year: String, _ knownAt: [Day?]) -> Bool {
            knownAt.contains { knownAt in
                days.filter { ProjectionOracle.period(ProjectionOracle.schoolYearStart(of: $0)) == year }.contains { day in
                    oracle.counted(on: day, swv: SchoolYearsLedger.swv, knownAt: knownAt, payer: nil) != pooled(day, knownAt: knownAt)
                }
            }
        }
        let year2Days = days.filter { ProjectionOracle.schoolYearStart(of: $0) == 2021 }
        #expect(year2Days.contains { day in pooled(day, knownAt: nil).keys.contains { history.yearEndLeavers.contains($0) } },
            "seed \(seed): year-end leavers would count in the second year")
        #expect(differs("2021-2022", [nil]), "seed \(seed): the first year's last file would change the second year")
        #expect(differs("2020-2021", year2.map(\.published)), "seed \(seed): the second year's rewrites would reach the first")
        if case .alreadyRecorded = ledger.duplicateOutcome {} else { Issue.record("seed \(seed): the second load of a file recorded it again") }
        #expect(try ledger.store.releases().count == ledger.versions.count, "seed \(seed)")
    }

    @Test("every count, --all count, payer and breakdown, and which releases answer, equal the oracle on every (day, known-at) pair, over two school years and (third round) three", arguments: [1, 2, 3] as [UInt64])
    func counts(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1, years: round == 3 ? 3 : 2)
        defer { ledger.directory.remove() }
        var random = SplitMix64(seed: seed ^ 0x5EED)
        let rules = rulesVariant(try ShippedSchemas.countingRules(), &random)
        let oracle = ProjectionOracle(versions: ledger.storedVersions, rules: rules)
        let compared = try Self.compareCounts(ledger.store, oracle: oracle, days: ledger.days(&random), knownAt: ledger.knownAtDays, rules: rules, seed: seed)
        #expect(compared.pairs > 1_000 && compared.fallbacks > 0 && compared.unanswered > 0, "seed \(seed): \(compared)")
    }

    /// Compares every count of `store` for `SchoolYearsLedger.swv` with the oracle; returns how
    /// many (day, known-at) pairs it compared, how many were fallbacks and unanswered.
    static func compareCounts(
        _ store: LedgerStore, oracle: ProjectionOracle, days: [Day], knownAt: [Day?], rules: CountingRules, seed: UInt64
    ) throws -> (pairs: Int, fallbacks: Int, unanswered: Int) {
        let swv = SchoolYearsLedger.swv
        var result = (pairs: 0, fallbacks: 0, unanswered: 0)
        for knownAt in knownAt {
            let state = try store.knownState(swv: swv, at: knownAt, covering: days)
            let refusing = try store.knownState(swv: swv, at: knownAt, covering: days, fallback: false)
            let fallbackYears = Set(days.filter { oracle.answer($0, swv: swv, knownAt: knownAt)?.isFallback == true }
                .map { ProjectionOracle.period(ProjectionOracle.schoolYearStart(of: $0)) })
            #expect(Set(state.fallbacks.map(\.schoolYear.description)) == fallbackYears && refusing.fallbacks.isEmpty,
                "seed \(seed) known at \(knownAt.map { "\($0)" } ?? "today"): the years answered from the year before")
            for day in days {
                let context = "seed \(seed) day \(day) known at \(knownAt.map { "\($0)" } ?? "today")"
                let answer = oracle.answer(day, swv: swv, knownAt: knownAt)
                let year = state.schoolYear(of: day)
                #expect(state.covers(day) == (answer != nil), "\(context): covered")
                #expect(year?.answeredFrom.description == answer?.answeredFrom, "\(context): answered from")
                #expect(year?.isFallback == answer?.isFallback, "\(context): fallback")
                #expect(refusing.covers(day) == (answer.map { !$0.isFallback } ?? false), "\(context): covered without fallback")
                #expect(refusing.schoolYear(of: day).map { $0.releases.map(\.fileName).sorted() }
                    == oracle.answer(day, swv: swv, knownAt: knownAt, fallback: false).map { $0.versions.map(\.fileName).sorted() }, "\(context): without fallback")
                #expect(year.map { $0.releases.map(\.fileName).sorted() } == answer.map { $0.versions.map(\.fileName).sorted() }, "\(context): answering releases")
                result.pairs += 1
                if answer?.isFallback == true { result.fallbacks += 1 }
                if answer == nil { result.unanswered += 1 }
                for payer in payers {
                    let counted = state.counted(on: day, selection: .rules(rules), payingSwv: payer)
                    let expected = oracle.counted(on: day, swv: swv, knownAt: knownAt, payer: payer)
                    #expect(counted?.pupils.map(\.row) == expected.map(inPGNOrder), "\(context) payer \(payer ?? "-"): counted pupils")
                    #expect(counted?.pupils.map(\.payingSwv) == expected.map { $0.sorted { $0.key < $1.key }.map { oracle.payingSwv($0.value) } }, "\(context): paying SWV")
                    let all = state.counted(on: day, selection: .everyValidRow, payingSwv: payer)
                    let expectedAll = oracle.countedAll(on: day, swv: swv, knownAt: knownAt, payer: payer)
                    #expect(all?.pupils.map(\.row) == expectedAll.map(inPGNOrder), "\(context) payer \(payer ?? "-"): --all")
                    guard let counted, let expected, let all, let expectedAll else { continue }
                    for breakdown in PupilCount.Breakdown.allCases {
                        for (pupils, wanted, payerOf) in [
                            (counted, expected, oracle.payingSwv), (all, expectedAll, { (row: Registration) in row.payingSwv }),
                        ] {
                            let count = PupilCount(pupils, by: breakdown)
                            let groups = expectedGroups(wanted, by: breakdown, payer: payerOf).sorted { $0.key < $1.key }
                            #expect(count.total == wanted.count && count.groups.map(\.label) == groups.map(\.key)
                                && count.groups.map(\.count) == groups.map(\.value), "\(context) payer \(payer ?? "-") by \(breakdown)")
                        }
                    }
                }
            }
        }
        return result
    }

    @Test("growth per category and per pupil equals the oracle for each school year's peildatum and random pairs of days within a year", arguments: [1, 2] as [UInt64])
    func growth(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 2)
        defer { ledger.directory.remove() }
        var random = SplitMix64(seed: seed ^ 0x6120)
        let rules = rulesVariant(try ShippedSchemas.countingRules(), &random)
        let oracle = ProjectionOracle(versions: ledger.storedVersions, rules: rules)
        let swv = SchoolYearsLedger.swv
        let growthDays = try ShippedSchemas.fundingRules().growth
        var pairs: [(Day, Day)] = []
        for year in ledger.years + [SchoolYear(firstYear: ledger.years.last!.firstYear + 1)] {
            let peildatum = Day.literal(year.firstYear + 1, 2, 1)
            #expect(growthDays.referenceDay(for: peildatum) == Day.literal(year.firstYear, 10, 1))
            pairs.append((Day.literal(year.firstYear, 10, 1), peildatum))
            for _ in 0..<2 {
                let (a, b) = (year.days.lowerBound.adding(days: Int.random(in: 0...364, using: &random)), year.days.lowerBound.adding(days: Int.random(in: 0...364, using: &random)))
                pairs.append((min(a, b), max(a, b)))
            }
        }
        var compared = 0
        for knownAt in ledger.knownAtDays {
            let state = try ledger.store.knownState(swv: swv, at: knownAt, covering: pairs.flatMap { [$0.0, $0.1] })
            for (reference, peil) in pairs {
                for payer in Self.payers {
                    let context = "seed \(seed) \(reference)→\(peil) known at \(knownAt.map { "\($0)" } ?? "today") payer \(payer ?? "-")"
                    let before = oracle.counted(on: reference, swv: swv, knownAt: knownAt, payer: payer)
                    let after = oracle.counted(on: peil, swv: swv, knownAt: knownAt, payer: payer)
                    let from = state.counted(on: reference, selection: .rules(rules), payingSwv: payer)
                    let to = state.counted(on: peil, selection: .rules(rules), payingSwv: payer)
                    #expect((from == nil) == (before == nil) && (to == nil) == (after == nil), "\(context): answered")
                    guard let from, let to, let before, let after else { continue }
                    let growth = Growth(from: from, to: to)
                    for category in FundingCategory.allCases {
                        let line = growth.lines.first { $0.category == category }
                        let expected = after.values.filter { $0.category == category }.count - before.values.filter { $0.category == category }.count
                        #expect((line?.growth ?? 0) == expected, "\(context) \(category)")
                    }
                    #expect(growth.total.growth == after.count - before.count, "\(context)")
                    #expect(growth.movements.map { "\($0.movement.rawValue) \($0.pgn.value)" } == ProjectionOracle.movements(before, after), "\(context): movements")
                    let moved = growth.movements.filter { $0.movement == .instroom }.count - growth.movements.filter { $0.movement == .uitstroom }.count
                    #expect(moved == growth.total.growth, "\(context): instroom − uitstroom explains the growth")
                    compared += 1
                }
            }
        }
        #expect(compared > 300, "seed \(seed)")
    }

    @Test("funding of each school-year-regime year covered, as known on each day, equals the oracle, each day from its own school year", arguments: [1, 2] as [UInt64])
    func funding(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1)
        defer { ledger.directory.remove() }
        let swv = SchoolYearsLedger.swv
        let rules = try ShippedSchemas.countingRules()
        let fundingRules = try ShippedSchemas.fundingRules()
        let oracle = ProjectionOracle(versions: ledger.storedVersions, rules: rules)
        let table = try FundingTests.correctedRateTable()
        var compared = 0
        var answered = 0
        for text in ["2020-2021", "2021-2022", "2022-2023"] {
            let year = try #require(FundingYear(text: text))
            let regime = try #require(fundingRules.regime(for: year))
            let days = try #require(FundingDays(year: year, regime: regime, growth: fundingRules.growth))
            let first = year.baseYear - 1
            #expect(days.teldatum == Day.literal(first, 10, 1) && days.growthReference == Day.literal(first, 10, 1)
                && days.growthPeildatum == Day.literal(first + 1, 2, 1), "\(text)")
            for knownAt in ledger.knownAtDays + [FundingTests.correctionDay, FundingTests.correctionDay.adding(days: -1)] {
                let state = try ledger.store.knownState(swv: swv, at: knownAt, covering: days.all)
                // No funding can be priced before the rate table was published.
                guard let rates = table.version(knownAt: knownAt) else { continue }
                var cents: [RateBand: [FundingCategory: Int]] = [:]
                for amount in rates.amounts { cents[amount.band, default: [:]][amount.category] = amount.perPupil.cents }
                for payer in [swv, nil] as [String?] {
                    let funding = Funding(year: year, regime: regime, days: days, rates: rates, state: state, rules: rules, payingSwv: payer)
                    let expected = oracle.fundingCents(
                        swv: swv, knownAt: knownAt, payer: payer, teldatum: days.teldatum, reference: days.growthReference!,
                        peildatum: days.growthPeildatum!, rates: cents)
                    #expect(funding?.total.cents == expected, "seed \(seed) \(text) known at \(knownAt.map { "\($0)" } ?? "today") payer \(payer ?? "-")")
                    if let funding, let counted = oracle.counted(on: days.teldatum, swv: swv, knownAt: knownAt, payer: payer) {
                        #expect(funding.lines.map(\.pupils).reduce(0, +) == counted.count, "seed \(seed) \(text)")
                        answered += 1
                    }
                    compared += 1
                }
            }
        }
        #expect(compared > 100 && answered > 50, "seed \(seed)")
    }

    @Test("revisions list the count as known at each publication and withdrawal day of the SWV's relevant releases, and the change between them", arguments: [1, 2] as [UInt64])
    func revisions(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let ledger = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1)
        defer { ledger.directory.remove() }
        var random = SplitMix64(seed: seed ^ 0x4EF1)
        let swv = SchoolYearsLedger.swv
        let rules = try ShippedSchemas.countingRules()
        let oracle = ProjectionOracle(versions: ledger.storedVersions, rules: rules)
        let triangle = try Self.triangle(ledger.store, days: ledger.days(&random, randomPerYear: 1), rules: rules)
        #expect(triangle.rows.map(\.point.day) == oracle.knowledgeDays(covering: triangle.days, swv: swv), "seed \(seed)")
        #expect(triangle.rows.contains { !$0.point.withdrawn.isEmpty }, "seed \(seed)")
        let loaded = try LoadedReleases(store: ledger.store)
        for day in triangle.days {
            let year = ProjectionOracle.schoolYearStart(of: day)
            for fallback in [true, false] {
                let periods = fallback ? [ProjectionOracle.period(year), ProjectionOracle.period(year - 1)] : [ProjectionOracle.period(year)]
                #expect(loaded.covers(day, swv: swv, fallback: fallback) == ledger.versions.contains { $0.scope.swv == swv && periods.contains($0.scope.period) },
                    "seed \(seed) day \(day) fallback \(fallback): some release may answer")
            }
        }
        for (column, day) in triangle.days.enumerated() {
            var previous: Int?
            for row in triangle.rows {
                let value = oracle.counted(on: day, swv: swv, knownAt: row.point.day, payer: swv)?.count
                #expect(row.values[column] == value, "seed \(seed) day \(day) known at \(row.point.day)")
                #expect(row.revisions[column] == previous.flatMap { old in value.map { $0 - old } }, "seed \(seed) day \(day) known at \(row.point.day)")
                previous = value ?? previous
            }
        }
    }

    /// The revision triangle of the count of `SchoolYearsLedger.swv`'s pupils over `days`.
    static func triangle(_ store: LedgerStore, days: [Day], rules: CountingRules) throws -> Revisions {
        let swv = SchoolYearsLedger.swv
        let loaded = try LoadedReleases(store: store)
        return try Revisions(
            days: days, points: loaded.knowledgePoints(covering: days, swv: swv, fallback: true),
            value: { state, day in state.counted(on: day, selection: .rules(rules), payingSwv: swv)?.count },
            state: { try store.knownState(swv: swv, at: $0, covering: days) })
    }
}
