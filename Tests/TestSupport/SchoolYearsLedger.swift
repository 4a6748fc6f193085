import Foundation
import Ledger
import LedgerStorage
import SampleData

/// Generated histories of one or more SWVs over two school years, recorded into a real LMDB
/// ledger in a shuffled order (so releases arrive late), one file loaded twice, the withdrawn
/// release withdrawn after everything was loaded; with the days and days of knowledge to ask.
public struct SchoolYearsLedger {
    /// The SWV whose questions are asked.
    public static let swv = "VO2508"
    /// Other real SWVs (Regeling regio-indeling, `swv_codes_2013-2015.csv`) whose files a
    /// many-SWV ledger also holds.
    public static let otherSwvs = ["VO2001", "PO2707", "VO3002", "PO2201"]
    /// The school years the histories hold by default.
    public static let years = [SchoolYear(firstYear: 2020), SchoolYear(firstYear: 2021)]

    public let versions: [ProjectionOracle.Version]
    /// The versions as the ledger stores their rows (pupil numbers, coarse birth dates): what an
    /// oracle compared with the ledger's answers is given.
    public let storedVersions: [ProjectionOracle.Version]
    /// The school years this ledger's histories hold.
    public let years: [SchoolYear]
    public let history: SchoolYearsHistory
    public let directory: TemporaryDirectory
    public let store: LedgerStore
    /// The outcome of loading the duplicated file the second time.
    public let duplicateOutcome: RecordOutcome

    /// A ledger of `swv`'s history from `seed`, plus `others` SWVs' histories that list some of
    /// the same pupils (some with a TLV of `swv`), loaded in an order shuffled by `order`; over
    /// `years` school years from 2020-2021; `afterLoad` runs after each file is recorded, with the
    /// store and how many files are recorded so far.
    public init(
        seed: UInt64, others: Int = 0, withdrawFirst: Bool = false, order: UInt64 = 0, years: Int = 2,
        afterLoad: (LedgerStore, Int) throws -> Void = { _, _ in }
    ) throws {
        self.years = (0..<years).map { SchoolYear(firstYear: 2020 + $0) }
        history = SchoolYearsHistory(seed: seed, swv: Self.swv, years: years, withdrawFirstOfLastYear: withdrawFirst)
        var versions = history.releases.map(Self.version)
        var random = SplitMix64(seed: seed ^ 0x0_5CA1E)
        for (index, other) in Self.otherSwvs.prefix(others).enumerated() {
            let theirs = SchoolYearsHistory(
                seed: seed &+ UInt64(index + 1) &* 7919, swv: other, years: years, releasesPerYear: 6, rowsPerYear: 15,
                publicationShift: Int.random(in: -20...20, using: &random))
            for release in theirs.releases {
                var version = Self.version(release)
                // Some of S's pupils in the other SWV's file of the same school year: some as
                // S's rows are, some moved, some with a TLV S issued.
                let ours = history.releases.filter { $0.scope.period == release.scope.period && $0.published <= release.published }.last
                    ?? history.releases.first { $0.scope.period == release.scope.period }!
                for var row in ours.rows where Int.random(in: 0..<4, using: &random) == 0 {
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: break
                    case 1:
                        row.institution = "02TZ"
                        row.category = .high
                    default:
                        row.payingSwv = Bool.random(using: &random) ? Self.swv : nil
                        row.tlvNumber = "\(Self.swv)-2020-\(row.pgn.value)"
                    }
                    version.rows.removeAll { $0.key == row.key }
                    version.rows.append(row)
                }
                version.rows.sort { $0.key < $1.key }
                versions.append(version)
            }
        }
        self.versions = versions
        directory = try TemporaryDirectory()
        store = try LedgerStore(directory: directory.path)
        var loading = Array(versions.indices)
        var shuffler = SplitMix64(seed: seed ^ order ^ 0x10AD)
        loading.shuffle(using: &shuffler)
        let twice = loading[Int.random(in: 0..<loading.count, using: &shuffler)]
        loading.insert(twice, at: Int.random(in: loading.firstIndex(of: twice)! + 1...loading.count, using: &shuffler))
        var outcome: RecordOutcome?
        var loaded = 1
        for index in loading {
            let version = versions[index]
            var sha = [UInt8](repeating: 0, count: 32)
            withUnsafeBytes(of: UInt64(index).bigEndian) { sha.replaceSubrange(0..<8, with: $0) }
            let result = try store.record(IncomingRelease(
                scope: version.scope, publishedOn: version.published, fileName: version.fileName, fileSHA256: sha,
                rows: version.rows))
            if index == twice { outcome = result }
            try afterLoad(store, loaded)
            loaded += 1
        }
        duplicateOutcome = outcome!
        var storedVersions: [ProjectionOracle.Version] = []
        for var version in versions {
            version.rows = try store.asStored(version.rows)
            storedVersions.append(version)
        }
        self.storedVersions = storedVersions
        let recorded = try store.releases()
        for version in versions {
            guard let withdrawn = version.withdrawn else { continue }
            let release = recorded.first { $0.fileName == version.fileName }!
            try store.withdraw(release.id, on: withdrawn, reason: "fouten in TLV-koppeling")
        }
    }

    private static func version(_ release: SchoolYearsHistory.Release) -> ProjectionOracle.Version {
        .init(scope: release.scope, published: release.published, withdrawn: release.withdrawn, rows: release.rows, fileName: release.fileName)
    }

    /// Days to ask about: per school year held its 1 August and 31 July, its 1 October and
    /// 1 February with a day either side, and random days; days of the year before the first
    /// (never answered) and of the year after the last (answered from the last).
    public func days(_ random: inout SplitMix64, randomPerYear: Int = 3) -> [Day] {
        var days: [Day] = []
        for year in years {
            let first = year.firstYear
            days += [Day.literal(first, 8, 1), Day.literal(first + 1, 7, 31)]
            days += [Day.literal(first, 10, 1), Day.literal(first + 1, 2, 1)].flatMap { [$0.adding(days: -1), $0, $0.adding(days: 1)] }
            days += (0..<randomPerYear).map { _ in Day.literal(first, 8, 1).adding(days: Int.random(in: 0...364, using: &random)) }
        }
        let after = years.last!.firstYear + 1
        days += [Day.literal(2020, 7, 31), Day.literal(after, 8, 1), Day.literal(after, 10, 1)]
        return days
    }

    /// Days of knowledge: today, every publication and withdrawal day and the day before it,
    /// days of each later year before its first release, and a day before any release.
    public var knownAtDays: [Day?] {
        let days = versions.map(\.published) + versions.compactMap(\.withdrawn)
        let extra = [Day.literal(2020, 1, 1)] + years.dropFirst().flatMap { year in
            [Day.literal(year.firstYear, 8, 1), Day.literal(year.firstYear, 9, 1), Day.literal(year.firstYear, 10, 14)]
        }
        return [nil] + Set(days.flatMap { [$0.adding(days: -1), $0] } + extra).sorted()
    }
}
