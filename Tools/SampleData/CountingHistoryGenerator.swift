import Ledger

/// Release series of Kijkglas 2 rows for property tests of the projections (count, growth,
/// funding, revisions): every field the counting rules read varies, and dates fall often on,
/// just before or just after the teldata and peildata, so boundaries are exercised.
public struct CountingHistoryGenerator {
    /// The generator's randomness; seeded, so failures reproduce.
    public var random: SplitMix64
    /// The school year rows and days are generated in (2021-2022 unless set); a history that
    /// crosses school years moves it on and keeps its pupils.
    public var schoolYear: SchoolYear
    /// First day of the school year.
    public var yearStart: Day { schoolYear.days.lowerBound }
    /// Last day of the school year.
    public var yearEnd: Day { schoolYear.days.upperBound }
    /// The days projections are most often asked about: 1 October 2021 and 1 February 2022.
    public static let keyDays = [Day.literal(2021, 10, 1), Day.literal(2022, 2, 1)]
    /// The key days of the school year: its 1 October and 1 February.
    public var keyDaysOfYear: [Day] {
        [Day.literal(schoolYear.firstYear, 10, 1), Day.literal(schoolYear.firstYear + 1, 2, 1)]
    }
    /// SWV codes that issue TLVs in the generated rows.
    public static let issuers = ["VO9901", "VO2508", "PO2707"]

    private var pupils: [PGN] = []
    private var serial = 10_000

    /// A generator from `seed` for `schoolYear`.
    public init(seed: UInt64, schoolYear: SchoolYear = SchoolYear(firstYear: 2021)) {
        random = SplitMix64(seed: seed)
        self.schoolYear = schoolYear
    }

    /// A day of the school year; half of them on a key day or a day either side of one.
    public mutating func day() -> Day {
        if Bool.random(using: &random), let key = keyDaysOfYear.randomElement(using: &random) {
            return key.adding(days: Int.random(in: -1...1, using: &random))
        }
        return yearStart.adding(days: Int.random(in: 0...364, using: &random))
    }

    /// One row; a known pupil again a quarter of the time.
    public mutating func row() -> Registration {
        let pgn = !pupils.isEmpty && Int.random(in: 0..<4, using: &random) == 0 ? pupils.randomElement(using: &random) : nil
        let start = Bool.random(using: &random) ? yearStart : day()
        let schoolType: SchoolType = Bool.random(using: &random) ? .so : .vso
        var row = Registration(
            pgn: pgn ?? freshPGN(), institution: pick(["25GP", "00AO", "02TZ"]), branch: pick(["00", "01"]),
            schoolType: schoolType, enrolledFrom: Bool.random(using: &random) ? start : start.adding(days: -400),
            periodStart: start, funded: chance(85))
        if chance(40) { row.periodEnd = max(start, day()) }
        if let end = row.periodEnd, chance(70) { row.enrolledUntil = end } else if chance(10) { row.enrolledUntil = day() }
        row.cluster = chance(10) ? nil : UInt8.random(in: 1...4, using: &random)
        row.residence = chance(10) ? nil : UInt8.random(in: 0...6, using: &random)
        row.category = chance(5) ? nil : pick(FundingCategory.allCases)
        if chance(92) {
            let issuer = pick(Self.issuers)
            serial += 1
            row.tlvNumber = "\(issuer)-\(schoolYear.firstYear)-\(serial)"
            if chance(75) { row.payingSwv = issuer }
            row.tlvFrom = chance(8) ? nil : Bool.random(using: &random) ? yearStart : day()
            row.tlvUntil = chance(8) ? nil : Bool.random(using: &random) ? yearEnd : day()
        }
        let shift = schoolYear.firstYear - 2021
        let born = schoolType == .so ? Day.literal(2013 + shift, 6, 1) : Day.literal(2007 + shift, 1, 1)
        row.birthDate = chance(5) ? nil : born.adding(days: Int.random(in: 0...730, using: &random))
        if !row.funded { row.unfundedReason = "Geen geldige TLV" }
        pupils.append(row.pgn)
        return row
    }

    /// `count` rows with unique identities.
    public mutating func rows(count: Int) -> [Registration] {
        var byKey: [RegistrationKey: Registration] = [:]
        while byKey.count < count {
            let candidate = row()
            if byKey[candidate.key] == nil { byKey[candidate.key] = candidate }
        }
        return byKey.values.sorted { $0.key < $1.key }
    }

    /// The next release of `rows`: rows dropped, closed, re-categorised, flagged, moved in
    /// time, their TLV, cluster or soort verblijf changed, and new rows added.
    public mutating func evolve(_ rows: [Registration]) -> [Registration] {
        var result: [RegistrationKey: Registration] = [:]
        for var row in rows {
            switch Int.random(in: 0..<14, using: &random) {
            case 0: continue
            case 1: row.category = pick(FundingCategory.allCases)
            case 2: row.periodEnd = max(row.periodStart, day())
            case 3:
                row.funded.toggle()
                row.unfundedReason = row.funded ? nil : "Geen geldige TLV"
            case 4: row.tlvUntil = day()
            case 5: row.cluster = UInt8.random(in: 1...4, using: &random)
            case 6: row.residence = UInt8.random(in: 0...6, using: &random)
            case 7:
                row.periodStart = day()
                if let end = row.periodEnd, end < row.periodStart { row.periodEnd = row.periodStart }
            default: break
            }
            if result[row.key] == nil { result[row.key] = row }
        }
        for extra in self.rows(count: Int.random(in: 0...6, using: &random)) where result[extra.key] == nil {
            result[extra.key] = extra
        }
        return result.values.sorted { $0.key < $1.key }
    }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &random)]
    }

    private mutating func freshPGN() -> PGN {
        while true {
            if let pgn = PGN(value: UInt32.random(in: 100_000_000...999_999_999, using: &random)) { return pgn }
        }
    }
}
