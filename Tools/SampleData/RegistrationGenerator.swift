import Ledger

/// Random registration rows and random edits of them, for property tests of diff and fold.
public struct RegistrationGenerator {
    /// The generator's randomness; seeded, so failures reproduce.
    public var random: SplitMix64
    /// Start of the school year rows fall in.
    public let yearStart: Day

    /// A generator for school year 2021-2022 from `seed`.
    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        yearStart = Day.literal(2021, 8, 1)
    }

    /// A day within the school year.
    public mutating func day() -> Day { yearStart.adding(days: Int.random(in: 0..<365, using: &random)) }

    /// One random row.
    public mutating func row(pgn: PGN? = nil) -> Registration {
        let start = Bool.random(using: &random) ? yearStart : day()
        var row = Registration(
            pgn: pgn ?? randomPGN(),
            institution: ["25GP", "00AO", "02TZ"].randomElement(using: &random) ?? "25GP",
            branch: ["00", "01", "04"].randomElement(using: &random) ?? "00",
            schoolType: Bool.random(using: &random) ? .so : .vso,
            enrolledFrom: start, periodStart: start, funded: Int.random(in: 0..<10, using: &random) > 0)
        row.category = FundingCategory.allCases.randomElement(using: &random)
        row.cluster = UInt8.random(in: 1...4, using: &random)
        row.residence = UInt8.random(in: 0...6, using: &random)
        row.swv = "VO9901"
        row.payingSwv = Bool.random(using: &random) ? "VO9901" : "VO2508"
        row.tlvNumber = "VO9901-2021-\(Int.random(in: 10000...99999, using: &random))"
        row.birthDate = Day(year: 2008, month: Int.random(in: 1...12, using: &random), day: 1)
        if Int.random(in: 0..<4, using: &random) == 0 {
            row.periodEnd = start.adding(days: Int.random(in: 0..<200, using: &random))
        }
        if !row.funded { row.unfundedReason = "Geen geldige TLV" }
        return row
    }

    /// A PGN for a pupil new to the rows made so far (random, so it may repeat one by chance).
    public mutating func newPupil() -> PGN {
        randomPGN()
    }

    private mutating func randomPGN() -> PGN {
        while true {
            if let pgn = PGN(value: UInt32.random(in: 100_000_000...999_999_999, using: &random)) { return pgn }
        }
    }

    /// `count` rows with unique identities; some pupils get several rows.
    public mutating func rows(count: Int) -> [Registration] {
        var byKey: [RegistrationKey: Registration] = [:]
        var pupils: [PGN] = []
        while byKey.count < count {
            let reuse = !pupils.isEmpty && Int.random(in: 0..<4, using: &random) == 0
            let candidate = row(pgn: reuse ? pupils.randomElement(using: &random) : nil)
            if byKey[candidate.key] == nil {
                byKey[candidate.key] = candidate
                pupils.append(candidate.pgn)
            }
        }
        return byKey.values.sorted { $0.key < $1.key }
    }

    /// A next release of `rows`: some rows kept, changed, closed, flagged, moved or removed,
    /// and some new ones added. Identities stay unique.
    public mutating func evolve(_ rows: [Registration]) -> [Registration] {
        var result: [RegistrationKey: Registration] = [:]
        for var row in rows {
            switch Int.random(in: 0..<12, using: &random) {
            case 0: continue
            case 1: row.category = FundingCategory.allCases.randomElement(using: &random)
            case 2: if row.periodEnd == nil { row.periodEnd = row.periodStart.adding(days: Int.random(in: 0..<100, using: &random)) }
            case 3:
                row.funded.toggle()
                row.unfundedReason = row.funded ? nil : "Geen geldige TLV"
            case 4: row.periodStart = row.periodStart.adding(days: Int.random(in: -20...20, using: &random))
            case 5:
                row.periodEnd = nil
                row.cluster = UInt8.random(in: 1...4, using: &random)
            case 6: row.birthDate = nil
            default: break
            }
            if let end = row.periodEnd, end < row.periodStart { row.periodEnd = row.periodStart }
            if result[row.key] == nil { result[row.key] = row }
        }
        for extra in self.rows(count: Int.random(in: 0..<6, using: &random)) where result[extra.key] == nil {
            result[extra.key] = extra
        }
        return result.values.sorted { $0.key < $1.key }
    }
}
