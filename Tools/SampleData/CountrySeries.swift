import Ledger

/// Kijkglas 2 releases of many SWVs over several school years, as a ledger of every SWV in the
/// country would hold them: per SWV and school year a monthly `ReleaseSeries` with the SWV's
/// own code in its rows and TLVs, and in each file a few pupils of the next SWV (their TLV
/// issued by that SWV): the files of one SWV list pupils another SWV pays for.
public struct CountrySeries {
    /// The 150 real SWV codes (76 PO, 74 VO) of DUO's regeling regio-indeling 2013-2015
    /// (`../shared/data/duo/swv_codes_2013-2015.csv`).
    public static let swvCodes: [String] = [
        "PO2001", "PO2101", "PO2201", "PO2202", "PO2203", "PO2301", "PO2302", "PO2303", "PO2304", "PO2305", "PO2401",
        "PO2402", "PO2403", "PO2501", "PO2502", "PO2503", "PO2504", "PO2505", "PO2506", "PO2507", "PO2508", "PO2509",
        "PO2510", "PO2601", "PO2602", "PO2603", "PO2604", "PO2605", "PO2701", "PO2702", "PO2703", "PO2704", "PO2705",
        "PO2706", "PO2707", "PO2708", "PO2709", "PO2710", "PO2711", "PO2801", "PO2802", "PO2803", "PO2804", "PO2805",
        "PO2806", "PO2807", "PO2808", "PO2809", "PO2810", "PO2811", "PO2812", "PO2813", "PO2814", "PO2815", "PO2816",
        "PO2817", "PO2818", "PO2901", "PO2902", "PO2903", "PO3001", "PO3002", "PO3003", "PO3004", "PO3005", "PO3006",
        "PO3007", "PO3008", "PO3009", "PO3010", "PO3101", "PO3102", "PO3103", "PO3104", "PO3105", "PO3106", "VO2001",
        "VO2002", "VO2101", "VO2102", "VO2103", "VO2201", "VO2202", "VO2203", "VO2301", "VO2302", "VO2303", "VO2305",
        "VO2307", "VO2401", "VO2402", "VO2403", "VO2501", "VO2502", "VO2503", "VO2504", "VO2505", "VO2506", "VO2507",
        "VO2508", "VO2509", "VO2510", "VO2511", "VO2601", "VO2602", "VO2603", "VO2604", "VO2605", "VO2701", "VO2702",
        "VO2703", "VO2704", "VO2705", "VO2706", "VO2707", "VO2708", "VO2709", "VO2710", "VO2801", "VO2802", "VO2803",
        "VO2804", "VO2805", "VO2806", "VO2807", "VO2808", "VO2809", "VO2810", "VO2811", "VO2812", "VO2813", "VO2814",
        "VO2901", "VO2902", "VO2903", "VO3001", "VO3002", "VO3003", "VO3004", "VO3005", "VO3006", "VO3007", "VO3008",
        "VO3009", "VO3101", "VO3102", "VO3103", "VO3104", "VO3105", "VO3106"
    ]

    /// One release with its scope, ready to record.
    public let releases: [IncomingRelease]

    /// `releasesPerYear` monthly releases of about `rows` rows for each of the first `swvs`
    /// codes and each of `years` school years from 2021-2022, in publication order.
    public init(swvs: Int, years: Int, releasesPerYear: Int, rows: Int, seed: UInt64 = 1) {
        let codes = Array(Self.swvCodes.prefix(swvs))
        var bySWV: [[[Registration]]] = []
        var published: [[Day]] = []
        for (index, code) in codes.enumerated() {
            var files: [[Registration]] = []
            var days: [Day] = []
            for year in 0..<years {
                let series = ReleaseSeries(seed: seed &+ UInt64(index * years + year), rows: rows, count: releasesPerYear)
                for release in series.releases {
                    files.append(release.rows.map { Self.moved($0, years: year, to: code) })
                    days.append(release.published.adding(days: 365 * year))
                }
            }
            bySWV.append(files)
            published.append(days)
        }
        var releases: [IncomingRelease] = []
        for (index, code) in codes.enumerated() {
            for (file, rows) in bySWV[index].enumerated() {
                let neighbour = bySWV[(index + 1) % codes.count][file]
                let guests = neighbour.prefix(max(1, neighbour.count / 50)).map { row -> Registration in
                    var guest = row
                    guest.swv = code
                    return guest
                }
                var seen = Set(rows.map(\.key))
                let all = (rows + guests.filter { seen.insert($0.key).inserted }).sorted { $0.key < $1.key }
                let year = 2021 + file / releasesPerYear
                var sha = [UInt8](repeating: 0, count: 32)
                withUnsafeBytes(of: UInt32(index).bigEndian) { sha.replaceSubrange(0..<4, with: $0) }
                withUnsafeBytes(of: UInt32(file).bigEndian) { sha.replaceSubrange(4..<8, with: $0) }
                releases.append(
                    IncomingRelease(
                        scope: Scope(product: "kijkglas-2", swv: code, period: "\(year)-\(year + 1)"), publishedOn: published[index][file],
                        fileName: "kijkglas2-\(code)-\(year)-\(year + 1)-\(file).csv", fileSHA256: sha, rows: all))
            }
        }
        self.releases = releases.sorted { ($0.publishedOn, $0.scope.swv) < ($1.publishedOn, $1.scope.swv) }
    }

    /// `row` of a `ReleaseSeries` (school year 2021-2022, SWV VO2508) as a row of `code`,
    /// `years` school years later.
    private static func moved(_ row: Registration, years: Int, to code: String) -> Registration {
        var moved = row
        let shift = { (day: Day) in day.adding(days: 365 * years) }
        moved.enrolledFrom = shift(row.enrolledFrom)
        moved.enrolledUntil = row.enrolledUntil.map(shift)
        moved.periodStart = shift(row.periodStart)
        moved.periodEnd = row.periodEnd.map(shift)
        moved.tlvFrom = row.tlvFrom.map(shift)
        moved.tlvUntil = row.tlvUntil.map(shift)
        moved.swv = code
        moved.payingSwv = code
        moved.tlvNumber = row.tlvNumber.map { code + $0.drop { $0 != "-" } }
        return moved
    }
}
