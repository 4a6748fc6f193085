import Ledger
import SampleData
import Testing
import TestSupport

@Suite("A ledger of many SWVs answers every question about one SWV as a ledger of its files alone")
struct ManySwvPropertyTests {
    @Test("counts, payers, breakdowns, growth, funding and revisions of one SWV are the same with four other SWVs' files loaded, and equal the oracle", arguments: [1, 2] as [UInt64])
    func manySwvs(round: UInt64) throws {
        let seed = SplitMix64.seedFromEnvironment() &+ round
        let alone = try SchoolYearsLedger(seed: seed, withdrawFirst: round == 1)
        defer { alone.directory.remove() }
        let many = try SchoolYearsLedger(seed: seed, others: SchoolYearsLedger.otherSwvs.count, withdrawFirst: round == 1, order: 0xB0A2D)
        defer { many.directory.remove() }
        let swv = SchoolYearsLedger.swv
        #expect(Set(try many.store.releases().map(\.scope.swv)) == Set([swv] + SchoolYearsLedger.otherSwvs), "seed \(seed)")
        // Other SWVs' files list some of the SWV's own pupils, some with a TLV it issued.
        let ours = Set(alone.versions.flatMap(\.rows).map(\.pgn))
        let theirs = many.versions.filter { $0.scope.swv != swv }.flatMap(\.rows)
        #expect(theirs.contains { ours.contains($0.pgn) } && theirs.contains { $0.tlvNumber?.hasPrefix(swv) == true }, "seed \(seed)")

        var random = SplitMix64(seed: seed ^ 0xA11)
        let rules = rulesVariant(try ShippedSchemas.countingRules(), &random)
        let days = alone.days(&random, randomPerYear: 1)
        // Every day the SWV's knowledge changed on, and some of the days only other SWVs'
        // knowledge changed on.
        let othersOnly = Set(many.knownAtDays.compactMap { $0 }).subtracting(alone.knownAtDays.compactMap { $0 }).sorted()
        let knownAt = (alone.knownAtDays + othersOnly.shuffled(using: &random).prefix(12).map { Optional($0) })
            .sorted { ($0?.daysSinceEpoch ?? .max) < ($1?.daysSinceEpoch ?? .max) }
        #expect(othersOnly.count > 12, "seed \(seed)")
        var compared = 0
        for knownAt in knownAt {
            let one = try alone.store.knownState(swv: swv, at: knownAt, covering: days)
            let all = try many.store.knownState(swv: swv, at: knownAt, covering: days)
            for day in days {
                let context = "seed \(seed) day \(day) known at \(knownAt.map { "\($0)" } ?? "today")"
                #expect(one.schoolYear(of: day)?.answeredFrom == all.schoolYear(of: day)?.answeredFrom, "\(context): answered from")
                #expect(
                    one.schoolYear(of: day).map { $0.releases.map(\.fileName) } == all.schoolYear(of: day).map { $0.releases.map(\.fileName) },
                    "\(context): answering releases")
                for payer in [nil, swv, "VO2001"] as [String?] {
                    for selection in [CountedPupils.Selection.rules(rules), .everyValidRow] {
                        let a = one.counted(on: day, selection: selection, payingSwv: payer)
                        let b = all.counted(on: day, selection: selection, payingSwv: payer)
                        #expect(try alone.store.revealed(a) == many.store.revealed(b), "\(context) payer \(payer ?? "-")")
                        if let a, let b, case .rules = selection {
                            for breakdown in PupilCount.Breakdown.allCases {
                                #expect(PupilCount(a, by: breakdown) == PupilCount(b, by: breakdown), "\(context) by \(breakdown)")
                            }
                        }
                    }
                    compared += 1
                }
            }
            for year in alone.years {
                let (reference, peildatum) = (Day.literal(year.firstYear, 10, 1), Day.literal(year.firstYear + 1, 2, 1))
                func growth(_ state: KnownState) -> Growth? {
                    guard let from = state.counted(on: reference, selection: .rules(rules), payingSwv: swv),
                        let to = state.counted(on: peildatum, selection: .rules(rules), payingSwv: swv)
                    else { return nil }
                    return Growth(from: from, to: to)
                }
                let (a, b) = (growth(one), growth(all))
                func movements(_ growth: Growth?, _ ledger: SchoolYearsLedger) throws -> [String]? {
                    try growth?.movements.map { "\($0.movement) \(try ledger.store.revealed($0.pgn).value)" }.sorted()
                }
                #expect(
                    try a?.lines == b?.lines && movements(a, alone) == movements(b, many),
                    "seed \(seed) growth \(year) known at \(String(describing: knownAt))")
            }
        }
        #expect(compared > 1_000, "seed \(seed)")

        // And both equal the oracle, which is given every SWV's releases.
        let oracle = ProjectionOracle(versions: many.storedVersions, rules: rules)
        let sample = knownAt.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        _ = try ProjectionPropertyTests.compareCounts(many.store, oracle: oracle, days: days, knownAt: sample, rules: rules, seed: seed)

        let shipped = try ShippedSchemas.countingRules()
        let fundingRules = try ShippedSchemas.fundingRules()
        let rates = try #require(try FundingTests.correctedRateTable().version(knownAt: nil))
        for text in ["2021-2022", "2022-2023"] {
            let year = try #require(FundingYear(text: text))
            let regime = try #require(fundingRules.regime(for: year))
            let fundingDays = try #require(FundingDays(year: year, regime: regime, growth: fundingRules.growth))
            for knownAt in knownAt {
                let funding = { (ledger: SchoolYearsLedger) in
                    Funding(
                        year: year, regime: regime, days: fundingDays, rates: rates,
                        state: try ledger.store.knownState(swv: swv, at: knownAt, covering: fundingDays.all), rules: shipped, payingSwv: swv)
                }
                #expect(try funding(alone)?.total == funding(many)?.total, "seed \(seed) funding \(text) known at \(String(describing: knownAt))")
            }
        }

        let triangleDays = [Day.literal(2020, 10, 1), Day.literal(2021, 2, 1), Day.literal(2021, 9, 1), Day.literal(2021, 10, 1), Day.literal(2022, 2, 1)]
        let a = try ProjectionPropertyTests.triangle(alone.store, days: triangleDays, rules: shipped)
        let b = try ProjectionPropertyTests.triangle(many.store, days: triangleDays, rules: shipped)
        #expect(a.rows.map(\.point.day) == b.rows.map(\.point.day) && a.rows.map(\.values) == b.rows.map(\.values), "seed \(seed) revisions")
    }
}
