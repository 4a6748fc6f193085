import Ledger

/// The fictional SWV VO9901 through school year 2021-2022 as DUO would report it in seven
/// monthly Kijkglas 2 releases: pupils arrive, leave, change category, move school, flip to
/// niet-bekostigd and back; the release of 29 April 2022 also corrects the past (categories
/// rewritten from 1 August, a start date moved, a registration retracted, arrivals and a
/// departure reported late). Deterministic: the same seed gives the same files.
public struct DemoSchoolYear {
    /// One release: its publication date and the rows DUO reported in it.
    public struct Snapshot: Sendable {
        /// DUO's publication date.
        public var published: Day
        /// The rows in identity order.
        public var rows: [Registration]
    }

    /// Real (v)so vestigingen in the province of Utrecht (DUO's public list), used as schools.
    static let schools: [(institution: String, branch: String, type: SchoolType)] = [
        ("01KI", "00", .vso), ("01KI", "02", .vso), ("02RM", "00", .vso), ("14RZ", "00", .vso),
        ("23GH", "00", .vso), ("03ND", "00", .so),
    ]
    /// The fictional SWV.
    public static let swv = "VO9901"
    /// Its name for the file's block.
    public static let swvName = "Samenwerkingsverband Voorbeeld VO (fictief)"
    /// The school year covered.
    public static let schoolYear = "2021-2022"
    static let otherSwv = "VO2601"
    /// Index of the release that corrects the past.
    public static let correctionRelease = 4

    private var random: SplitMix64
    private var rows: [Registration] = []
    private var usedPGNs: Set<UInt32> = []
    private var tlvSerial = 10_000
    private let yearStart = Day.literal(2021, 8, 1)
    private let yearEnd = Day.literal(2022, 7, 31)

    /// The publication dates of the seven releases.
    public let publicationDates: [Day] = [
        Day.literal(2021, 9, 15), Day.literal(2021, 10, 20), Day.literal(2021, 12, 15),
        Day.literal(2022, 2, 23), Day.literal(2022, 4, 29), Day.literal(2022, 6, 22),
        Day.literal(2022, 7, 20),
    ]

    /// The school year generated from `seed`.
    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Every release, in publication order.
    public mutating func snapshots() -> [Snapshot] {
        for _ in 0..<90 { rows.append(newRow(from: yearStart, inflow: false)) }
        var result: [Snapshot] = []
        var windowStart = yearStart.adding(days: 1)
        for (index, published) in publicationDates.enumerated() {
            let window = windowStart...min(published, yearEnd)
            for _ in 0..<int(2...5) { rows.append(newRow(from: day(in: window), inflow: true)) }
            for _ in 0..<int(1...3) { leave(on: day(in: window)) }
            for _ in 0..<int(1...2) { changeCategory(on: day(in: window)) }
            moveSchool(on: day(in: window))
            flipFunding()
            if index == DemoSchoolYear.correctionRelease { correctThePast(before: publicationDates[index - 1]) }
            result.append(Snapshot(published: published, rows: rows.sorted { $0.key < $1.key }))
            windowStart = published.adding(days: 1)
        }
        return result
    }

    // MARK: Changes since

    private mutating func newRow(from start: Day, inflow: Bool) -> Registration {
        let school = DemoSchoolYear.schools.randomElement(using: &random) ?? DemoSchoolYear.schools[0]
        let enrolled = inflow ? start : Day.literal(2021 - int(0...3), 8, 1)
        var row = Registration(
            pgn: freshPGN(), institution: school.institution, branch: school.branch, schoolType: school.type,
            enrolledFrom: enrolled, periodStart: start, funded: true)
        row.swv = DemoSchoolYear.swv
        let age = school.type == .so ? int(5...11) : int(12...17)
        row.birthDate = Day(year: 2021 - age, month: int(1...12), day: int(1...28))
        row.cluster = int(0..<10) == 0 ? 2 : UInt8(int(3...4))
        row.residence = int(0..<12) == 0 ? 3 : 0
        assignTLV(to: &row, from: start)
        row.inflow = inflow
        row.outflow = false
        row.transfer = false
        return row
    }

    private mutating func assignTLV(to row: inout Registration, from start: Day) {
        tlvSerial += int(1...40)
        let issuer = int(0..<8) == 0 ? DemoSchoolYear.otherSwv : DemoSchoolYear.swv
        row.payingSwv = issuer
        row.tlvNumber = "\(issuer)-2021-\(tlvSerial)"
        let roll = int(0..<20)
        row.category = roll < 12 ? .low : roll < 17 ? .medium : .high
        row.tlvFrom = min(start, yearStart)
        row.tlvUntil = yearEnd
    }

    private mutating func leave(on day: Day) {
        guard let index = openRow(startingBefore: day) else { return }
        rows[index].periodEnd = day
        rows[index].enrolledUntil = day
        rows[index].outflow = true
    }

    /// A new TLV category from `day`: DUO closes the row and opens a new period.
    private mutating func changeCategory(on day: Day) {
        guard let index = openRow(startingBefore: day) else { return }
        var next = rows[index]
        rows[index].periodEnd = day.adding(days: -1)
        next.periodStart = day
        next.category = next.category == .high ? .medium : next.category == .medium ? .high : .medium
        next.inflow = false
        rows.append(next)
    }

    /// Doorstroom: the pupil moves to another (v)so vestiging.
    private mutating func moveSchool(on day: Day) {
        guard let index = openRow(startingBefore: day) else { return }
        let others = DemoSchoolYear.schools.filter {
            ($0.institution, $0.branch) != (rows[index].institution, rows[index].branch) && $0.type == rows[index].schoolType
        }
        guard let school = others.randomElement(using: &random) else { return }
        rows[index].periodEnd = day.adding(days: -1)
        rows[index].enrolledUntil = day.adding(days: -1)
        rows[index].transfer = true
        var next = rows[index]
        next.institution = school.institution
        next.branch = school.branch
        next.periodStart = day
        next.enrolledFrom = day
        next.enrolledUntil = nil
        next.periodEnd = nil
        next.transfer = true
        rows.append(next)
    }

    private mutating func flipFunding() {
        let funded = rows.indices.filter { rows[$0].funded }
        guard let index = funded.randomElement(using: &random) else { return }
        rows[index].funded = false
        rows[index].unfundedReason = "Geen geldige TLV op de teldatum"
        let unfunded = rows.indices.filter { !rows[$0].funded && $0 != index }
        if let back = unfunded.randomElement(using: &random), int(0..<2) == 0 {
            rows[back].funded = true
            rows[back].unfundedReason = nil
        }
    }

    // MARK: Corrections of the past

    private mutating func correctThePast(before basePublished: Day) {
        for _ in 0..<3 {
            guard let index = rows.indices.filter({ rows[$0].periodStart == yearStart }).randomElement(using: &random)
            else { break }
            rows[index].category = rows[index].category == .low ? .medium : .low
        }
        if let index = rows.indices.filter({ rows[$0].periodStart > yearStart.adding(days: 30) && rows[$0].inflow == true })
            .randomElement(using: &random)
        {
            let start = rows[index].periodStart.adding(days: -14)
            rows[index].periodStart = start
            rows[index].enrolledFrom = start
        }
        if let index = rows.indices.randomElement(using: &random) { rows.remove(at: index) }
        for _ in 0..<2 {
            rows.append(newRow(from: day(in: yearStart.adding(days: 31)...basePublished.adding(days: -30)), inflow: true))
        }
        leave(on: day(in: yearStart.adding(days: 92)...yearStart.adding(days: 120)))
    }

    // MARK: Helpers

    private mutating func openRow(startingBefore day: Day) -> Int? {
        rows.indices.filter { rows[$0].periodEnd == nil && rows[$0].periodStart < day }.randomElement(using: &random)
    }

    /// A nine-digit number that fails the BSN eleven-test, so it can never be a real person's.
    private mutating func freshPGN() -> PGN {
        while true {
            let value = UInt32.random(in: 100_000_000...999_999_999, using: &random)
            let digits = String(value).compactMap(\.wholeNumberValue)
            let weighted = zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1]).map(*).reduce(0, +)
            if weighted % 11 != 0, usedPGNs.insert(value).inserted, let pgn = PGN(value: value) { return pgn }
        }
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func day(in range: ClosedRange<Day>) -> Day {
        let span = Int(range.upperBound.daysSinceEpoch - range.lowerBound.daysSinceEpoch)
        return range.lowerBound.adding(days: span > 0 ? int(0...span) : 0)
    }
}

extension Day {
    /// A day written in the source; a typo in one stops the generator at once.
    public static func literal(_ year: Int, _ month: Int, _ day: Int) -> Day {
        guard let value = Day(year: year, month: month, day: day) else {
            preconditionFailure("no such day: \(year)-\(month)-\(day)")
        }
        return value
    }
}
