import Ledger

/// A monthly series of Kijkglas 2 releases of any size, deterministic by seed, at real (v)so
/// vestigingen (DUO's public list, `../shared/data/duo/vestigingen_sbo_so_vso_2024-11.csv`) for
/// a real SWV code: each month pupils arrive, leave, move to another vestiging (doorstroom), have
/// their category rewritten from the start, are flagged niet-bekostigd or vanish from the file
/// (retracted), at rates like DUO's; some arrivals and leavers are reported late (dated before
/// the previous release: corrections of the past) and some leavers ahead (dated after this
/// release: future-dated). Each release carries its ground truth: how many events of each kind
/// and classification its diff against the previous release must give, decided by how the
/// generator dates each change. Every change touches its own row, so the counts follow from the
/// rules of docs/design.md alone.
public struct ReleaseSeries {
    /// Monthly rates of each change, per 10,000 rows.
    public struct Rates: Sendable {
        public var arrivals = 150
        public var leavers = 120
        public var doorstroom = 30
        public var categoryRewrites = 40
        public var unfundedFlips = 30
        public var retractions = 10
        /// Arrivals dated before the previous release (reported late).
        public var lateArrivals = 20
        /// Leavers dated before the previous release (reported late).
        public var lateLeavers = 20
        /// Leavers dated after this release (announced).
        public var announcedLeavers = 10

        /// The default rates.
        public init() {}
    }

    /// One release: its publication date, rows in identity order, and the events its diff must give.
    public struct Release: Sendable {
        /// DUO's publication date.
        public var published: Day
        /// The rows in identity order.
        public var rows: [Registration]
        /// Events by kind and classification that the diff against the previous release gives
        /// (all initial openings for the first of each school year), as `EventTally.counts`
        /// holds them.
        public var expected: [RegistrationChange.Kind: [Classification: Int]]
        /// The school year (the scope's period) the release is of, `2021-2022`.
        public var schoolYear: String = ReleaseSeries.schoolYear
    }

    /// Real (v)so vestigingen with their school type, from DUO's list of November 2024.
    static let vestigingen: [(institution: String, branch: String, type: SchoolType)] = [
        ("00AO", "00", .vso), ("00ZF", "00", .vso), ("01AI", "02", .so), ("01JO", "06", .so), ("01JO", "15", .so),
        ("01JR", "02", .vso), ("01RE", "00", .so), ("02KX", "03", .vso), ("02YR", "05", .so), ("03TV", "04", .vso),
        ("04BF", "00", .so), ("04YK", "04", .vso), ("07IQ", "02", .vso), ("07IQ", "20", .vso), ("14OR", "03", .vso),
        ("17GW", "04", .so), ("17GW", "13", .so), ("17GW", "25", .so), ("17JJ", "02", .vso), ("20KP", "00", .so),
        ("20WR", "06", .so), ("20YD", "02", .so), ("22NX", "01", .so), ("23GJ", "00", .vso),
    ]
    /// A real SWV code (Regeling regio-indeling, `../shared/data/duo/swv_codes_2013-2015.csv`).
    public static let swv = "VO2508"
    /// The school year the series covers.
    public static let schoolYear = "2021-2022"

    /// The releases in publication order.
    public private(set) var releases: [Release] = []

    private var random: SplitMix64
    private var nextPGN: UInt32
    private var tlvSerial = 0
    private var year = SchoolYear(firstYear: 2021)
    private var yearStart: Day { year.days.lowerBound }
    private var yearEnd: Day { year.days.upperBound }

    /// `count` monthly releases from 15 September 2021 starting with `rows` rows, from `seed`;
    /// all of school year 2021-2022, or, with `releasesPerYear`, that many of each school year
    /// from 2021-2022 on, each later year's first published on 15 October.
    ///
    /// A later school year's first release is the first of its own scope: every row it holds
    /// is an initial opening. It holds the registrations of the year before still open on its
    /// 1 August (TLV renewed for the year) and new arrivals from 1 August, and not the pupils
    /// who left before it.
    public init(seed: UInt64, rows: Int, count: Int, rates: Rates = Rates(), releasesPerYear: Int? = nil) {
        random = SplitMix64(seed: seed)
        nextPGN = 100_000_000 + UInt32(seed % 1_000) * 100_000
        var current = (0..<rows).map { _ in arrival(from: yearStart) }
        current.sort { $0.key < $1.key }
        var published = Day.literal(2021, 9, 15)
        releases.append(Release(published: published, rows: current, expected: [.opened: [.initial: current.count]]))
        for index in 1..<max(1, count) {
            if let releasesPerYear, releasesPerYear > 0, index % releasesPerYear == 0 {
                year = SchoolYear(firstYear: year.firstYear + 1)
                published = Day.literal(year.firstYear, 10, 15)
                current = newYear(current, arrivals: rows * rates.arrivals / 10_000)
                releases.append(Release(
                    published: published, rows: current, expected: [.opened: [.initial: current.count]], schoolYear: year.description))
                continue
            }
            let base = published
            published = base.adding(days: 30)
            current = step(current, base: base, published: published, rates: rates)
        }
    }

    /// The first rows of a new school year: those of `rows` open on its first day, their TLV
    /// renewed to its end, and `arrivals` new pupils from its first day.
    private mutating func newYear(_ rows: [Registration], arrivals: Int) -> [Registration] {
        var carried = rows.filter { ($0.periodEnd ?? yearStart) >= yearStart && ($0.enrolledUntil ?? yearStart) >= yearStart }
        for index in carried.indices { carried[index].tlvUntil = yearEnd }
        let added = (0..<arrivals).map { _ in arrival(from: yearStart) }
        return (carried + added).sorted { $0.key < $1.key }
    }

    private mutating func step(_ rows: [Registration], base: Day, published: Day, rates: Rates) -> [Registration] {
        var rows = rows
        var expected: [RegistrationChange.Kind: [Classification: Int]] = [:]
        func expect(_ kinds: RegistrationChange.Kind..., as classification: Classification) {
            for kind in kinds { expected[kind, default: [:]][classification, default: 0] += 1 }
        }
        var untouched = Array(rows.indices)
        untouched.shuffle(using: &random)
        func take(_ rate: Int, where condition: (Registration) -> Bool) -> [Int] {
            let wanted = rows.count * rate / 10_000
            var taken: [Int] = []
            var passed: [Int] = []
            while taken.count < wanted, let index = untouched.popLast() {
                if condition(rows[index]) { taken.append(index) } else { passed.append(index) }
            }
            untouched += passed.reversed()
            return taken
        }
        let open = { (row: Registration) in row.periodEnd == nil && row.enrolledUntil == nil && row.periodStart < base }
        var removed: Set<Int> = []
        var added: [Registration] = []
        let span = max(1, Int(published.daysSinceEpoch - base.daysSinceEpoch))
        for index in take(rates.leavers, where: open) {
            let end = base.adding(days: Int.random(in: 0..<span, using: &random))
            rows[index].periodEnd = end
            rows[index].enrolledUntil = end
            // The day after the end is after the base's publication and on or before this one's.
            expect(.closed, .changed, as: .change)
        }
        for index in take(rates.lateLeavers, where: { open($0) && $0.periodStart < base.adding(days: -1) }) {
            let days = Int(base.daysSinceEpoch - rows[index].periodStart.daysSinceEpoch)
            let end = rows[index].periodStart.adding(days: Int.random(in: 0..<days, using: &random))
            rows[index].periodEnd = end
            rows[index].enrolledUntil = end
            // The day after the end is on or before the base's publication.
            expect(.closed, .changed, as: .correction)
        }
        for index in take(rates.announcedLeavers, where: open) {
            let end = published.adding(days: Int.random(in: 1...60, using: &random))
            rows[index].periodEnd = end
            rows[index].enrolledUntil = end
            expect(.closed, .changed, as: .futureDated)
        }
        for index in take(rates.doorstroom, where: open) {
            let end = base.adding(days: Int.random(in: 0..<(span - 1 > 0 ? span - 1 : 1), using: &random))
            rows[index].periodEnd = end
            rows[index].enrolledUntil = end
            var moved = arrival(from: end.adding(days: 1), pgn: rows[index].pgn)
            let others = Self.vestigingen.filter { ($0.institution, $0.branch) != (rows[index].institution, rows[index].branch) }
            let school = others[Int.random(in: 0..<others.count, using: &random)]
            (moved.institution, moved.branch, moved.schoolType) = (school.institution, school.branch, school.type)
            added.append(moved)
            expect(.closed, .changed, .opened, as: .change)
        }
        for index in take(rates.categoryRewrites, where: { $0.category != nil }) {
            rows[index].category = FundingCategory.allCases.filter { $0 != rows[index].category }.randomElement(using: &random)
            // From the row's start, which a previous release already held: the past.
            expect(.changed, as: .correction)
        }
        for index in take(rates.unfundedFlips, where: { $0.funded }) {
            rows[index].funded = false
            rows[index].unfundedReason = "Geen geldige TLV"
            expect(.flaggedUnfunded, as: .correction)
        }
        for index in take(rates.retractions, where: { _ in true }) {
            removed.insert(index)
            expect(.retracted, as: .correction)
        }
        for _ in 0..<(rows.count * rates.arrivals / 10_000) {
            added.append(arrival(from: base.adding(days: 1 + Int.random(in: 0..<span, using: &random))))
            expect(.opened, as: .change)
        }
        for _ in 0..<(rows.count * rates.lateArrivals / 10_000) {
            added.append(arrival(from: base.adding(days: -Int.random(in: 0..<28, using: &random))))
            expect(.opened, as: .correction)
        }
        let next = (rows.indices.filter { !removed.contains($0) }.map { rows[$0] } + added).sorted { $0.key < $1.key }
        releases.append(Release(published: published, rows: next, expected: expected, schoolYear: year.description))
        return next
    }

    /// A new pupil's row (or `pgn`'s) from `start` to the end of the school year, with a valid
    /// TLV of this SWV, funded, at a random vestiging.
    private mutating func arrival(from start: Day, pgn: PGN? = nil) -> Registration {
        let school = Self.vestigingen[Int.random(in: 0..<Self.vestigingen.count, using: &random)]
        let pupil = pgn ?? PGN(value: nextPGN)!
        if pgn == nil { nextPGN += 1 }
        var row = Registration(
            pgn: pupil, institution: school.institution, branch: school.branch, schoolType: school.type,
            enrolledFrom: start, periodStart: start, funded: true)
        row.swv = Self.swv
        row.cluster = Bool.random(using: &random) ? 3 : 4
        row.residence = 0
        row.category = FundingCategory.allCases.randomElement(using: &random)
        tlvSerial += 1
        row.tlvNumber = "\(Self.swv)-\(year.firstYear)-\(tlvSerial)"
        row.payingSwv = Self.swv
        row.tlvFrom = yearStart
        row.tlvUntil = yearEnd
        let shift = year.firstYear - 2021
        row.birthDate = (school.type == .so ? Day.literal(2012 + shift, 1, 1) : Day.literal(2006 + shift, 1, 1))
            .adding(days: Int.random(in: 0...1_460, using: &random))
        return row
    }
}
