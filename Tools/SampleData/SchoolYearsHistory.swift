import Ledger

/// Monthly Kijkglas 2 releases of one SWV over consecutive school years, for property tests of
/// the rule that a day is answered by its own school year's releases of one SWV.
///
/// Each school year has `releasesPerYear` releases a month apart from 15 October (DUO's first
/// file of a year comes in the autumn, so the days from 1 August until then are asked before any
/// release of their year is known). Across the years it holds, on purpose:
/// - pupils who leave at the end of a school year, whose uitschrijving DUO learns only after
///   that year's last file: the year's last file still has their row open, the next year's files
///   do not list them (`yearEndLeavers`);
/// - registrations that span two years, listed in both years' files, some of them rewritten
///   only in the later year's file on days before its school year (an earlier end, another
///   category from the start, funding or TLV dates: `rewrittenInLaterYear`), two of them in
///   every file of the earlier year with a TLV from 1 January that the later year's file moves
///   back to the earlier year's 1 August;
/// - one release of the last year withdrawn before its successor (`withdrawn`), the first of
///   that year when `withdrawFirstOfLastYear` (so that year's days fall back to the year before
///   again for a while).
public struct SchoolYearsHistory {
    /// One release as DUO published it.
    public struct Release: Sendable {
        /// Product, SWV and school year.
        public var scope: Scope
        /// DUO's publication date.
        public var published: Day
        /// The day it was withdrawn, if it was.
        public var withdrawn: Day?
        /// Its rows in identity order.
        public var rows: [Registration]
        /// A file name, unique in the history.
        public var fileName: String
    }

    /// The product of the releases.
    public static let product = "kijkglas-2"

    /// The SWV the releases are made for.
    public let swv: String
    /// The school years, in order.
    public let schoolYears: [SchoolYear]
    /// Every release, per school year in publication order.
    public private(set) var releases: [Release] = []
    /// Pupils whose row is open in a year's last file and who are absent from every file of the
    /// next year.
    public private(set) var yearEndLeavers: Set<PGN> = []
    /// Registrations of a year's last file that the next year's first file rewrites on days
    /// before the next year's start.
    public private(set) var rewrittenInLaterYear: Set<RegistrationKey> = []
    /// The index in `releases` of the withdrawn release.
    public private(set) var withdrawn: Int = 0

    /// The generator, for tests that want more seeded randomness from it.
    public var generator: CountingHistoryGenerator

    /// A history of `swv` over `years` school years from `firstYear`, from `seed`, its
    /// publications moved by `publicationShift` days.
    public init(
        seed: UInt64, swv: String, firstYear: SchoolYear = SchoolYear(firstYear: 2020), years: Int = 2,
        releasesPerYear: Int = 10, rowsPerYear: Int = 30, withdrawFirstOfLastYear: Bool = false, publicationShift: Int = 0
    ) {
        self.swv = swv
        schoolYears = (0..<years).map { SchoolYear(firstYear: firstYear.firstYear + $0) }
        generator = CountingHistoryGenerator(seed: seed, schoolYear: firstYear)
        var previous: [Registration] = []
        for year in schoolYears {
            generator.schoolYear = year
            let left = yearEndLeavers
            yearEndLeavers = []
            var rows = previous.isEmpty ? generator.rows(count: rowsPerYear) : nextYear(from: previous, newRows: rowsPerYear / 2)
            let gone = yearEndLeavers
            yearEndLeavers.formUnion(left)
            rewrittenInLaterYear = rewrittenInLaterYear.filter { !gone.contains($0.pgn) }
            let first = Day.literal(year.firstYear, 10, 15).adding(days: publicationShift)
            for index in 0..<releasesPerYear {
                if index > 0 { rows = generator.evolve(rows) }
                // The year's files do not list pupils who left at the end of the year before.
                rows.removeAll { gone.contains($0.pgn) }
                let scope = Scope(product: Self.product, swv: swv, period: year.description)
                releases.append(Release(
                    scope: scope, published: first.adding(days: 30 * index), withdrawn: nil, rows: rows,
                    fileName: "\(swv)-\(year)-\(index + 1).csv"))
            }
            previous = rows
        }
        let lastYear = releases.count - releasesPerYear
        let chosen = withdrawFirstOfLastYear || releasesPerYear < 2
            ? lastYear : lastYear + Int.random(in: 0..<(releasesPerYear - 1), using: &generator.random)
        withdrawn = chosen
        let published = releases[chosen].published
        let next = chosen + 1 < releases.count ? releases[chosen + 1].published : published.adding(days: 30)
        releases[chosen].withdrawn = published.adding(days: Int.random(in: 1..<max(2, Int(next.daysSinceEpoch - published.daysSinceEpoch)), using: &generator.random))
    }

    /// The first rows of the school year after the one `last` (its last file) belongs to: the
    /// registrations still open at its end, less the year-end leavers DUO has not yet heard
    /// of, some rewritten on days before the new year, with their TLV renewed; plus new rows.
    private mutating func nextYear(from last: [Registration], newRows: Int) -> [Registration] {
        let start = generator.yearStart
        var rows: [RegistrationKey: Registration] = [:]
        let open = last.filter { $0.periodEnd == nil && $0.enrolledUntil == nil }
        var leaving = Set(open.filter { _ in chance(40) }.map(\.key))
        for row in open.prefix(2) { leaving.insert(row.key) }
        for var row in last where (row.periodEnd ?? start) >= start && (row.enrolledUntil ?? start) >= start {
            if leaving.contains(row.key) {
                yearEndLeavers.insert(row.pgn)
                // Most hold a TLV that runs on into the new year, as TLVs granted for two
                // years do, and count: the last file of the year would count them on its days.
                if chance(80) || row.key == open.first?.key, let index = releases.indices.last,
                    let at = releases[index].rows.firstIndex(of: row)
                {
                    releases[index].rows[at].tlvFrom = min(row.tlvFrom ?? row.periodStart, row.periodStart)
                    releases[index].rows[at].tlvUntil = generator.yearEnd
                    releases[index].rows[at].funded = true
                    releases[index].rows[at].unfundedReason = nil
                    releases[index].rows[at].cluster = 3
                    releases[index].rows[at].residence = 0
                }
                continue
            }
            if chance(70) {
                row.tlvUntil = chance(10) ? nil : generator.yearEnd
                if row.tlvFrom == nil, chance(50) { row.tlvFrom = start.adding(days: -365) }
            }
            if chance(35) {
                switch Int.random(in: 0..<4, using: &generator.random) {
                case 0: row.periodEnd = max(row.periodStart, start.adding(days: -Int.random(in: 1...200, using: &generator.random)))
                case 1: row.category = FundingCategory.allCases.filter { $0 != row.category }.randomElement(using: &generator.random)
                case 2:
                    row.funded.toggle()
                    row.unfundedReason = row.funded ? nil : "Geen geldige TLV"
                default: row.tlvFrom = start.adding(days: -Int.random(in: 0...300, using: &generator.random))
                }
                rewrittenInLaterYear.insert(row.key)
            }
            rows[row.key] = row
        }
        // Two registrations spanning both years, listed in every file of the year before, whose
        // TLV start the new year's file moves back to the start of the year before (a correction
        // DUO made in the new file only): counted from then on if the new file answered the old
        // year's days, from 1 January by the old year's files.
        let previousStart = start.adding(days: -365)
        var added = 0
        for _ in 0..<40 where added < 2 {
            var old = generator.row()
            (old.periodStart, old.enrolledFrom, old.periodEnd, old.enrolledUntil) = (previousStart, previousStart, nil, nil)
            (old.funded, old.unfundedReason, old.cluster, old.residence) = (true, nil, 3, 0)
            old.tlvNumber = "\(swv)-\(previousStart.components.year)-\(old.pgn.value)"
            old.payingSwv = swv
            old.tlvFrom = Day.literal(start.components.year, 1, 1)
            old.tlvUntil = start.adding(days: -1)
            guard rows[old.key] == nil, !releases.contains(where: { $0.rows.contains { $0.pgn == old.pgn } }) else { continue }
            for index in releases.indices where releases[index].scope.period == schoolYears.first(where: { $0.days.contains(previousStart) })?.description {
                releases[index].rows.append(old)
                releases[index].rows.sort { $0.key < $1.key }
            }
            var new = old
            new.tlvFrom = previousStart
            new.tlvUntil = generator.yearEnd
            rows[new.key] = new
            rewrittenInLaterYear.insert(new.key)
            added += 1
        }
        for extra in generator.rows(count: newRows) where rows[extra.key] == nil {
            rows[extra.key] = extra
        }
        return rows.values.sorted { $0.key < $1.key }
    }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator.random) < percent }
}
