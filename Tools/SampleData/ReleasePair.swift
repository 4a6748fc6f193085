import Foundation
import Ingest
import Ledger

/// Two releases of one scope where 5% of the rows differ (categories rewritten, rows closed,
/// funding flipped, rows moved to institution 99XX: retracted + opened, rows of a pupil who
/// left replaced by a new pupil's, whose PGN falls anywhere among the others), for benchmarks
/// and the peer comparison. Both are in identity order, as the ledger stores releases, and identities
/// are unique (a moved row that meets another is dropped).
public struct ReleasePair: Sendable {
    /// The earlier release's rows.
    public let old: [Registration]
    /// The later release's rows.
    public let new: [Registration]
    /// Publication day of `old`.
    public let basePublished = Day.literal(2021, 12, 15)
    /// Publication day of `new`.
    public let published = Day.literal(2022, 1, 20)

    /// A pair of `rows` rows a release, the same for the same `seed`.
    public init(rows: Int, seed: UInt64) {
        var generator = RegistrationGenerator(seed: seed)
        let old = generator.rows(count: rows)
        var new = old
        var random = SplitMix64(seed: seed &+ 1)
        for index in new.indices where Int.random(in: 0..<100, using: &random) < 5 {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: new[index].category = new[index].category == .low ? .high : .low
            case 1: new[index].periodEnd = new[index].periodEnd ?? published
            case 2:
                new[index].funded.toggle()
                new[index].unfundedReason = new[index].funded ? nil : "Geen geldige TLV"
            case 3: new[index].institution = "99XX"
            default: new[index].pgn = generator.newPupil()
            }
        }
        self.old = old
        var seen = Set<RegistrationKey>()
        self.new = new.filter { seen.insert($0.key).inserted }.sorted { $0.key < $1.key }
    }

    /// Writes `old.csv` and `new.csv` into `directory` as Kijkglas 2 files with the reference
    /// headers, for the file readers and peer tools.
    public func write(to directory: String) throws {
        guard let layout = try Layout.builtIn().first(where: { $0.product == "kijkglas-2" }) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, rows, published) in [("old", old, basePublished), ("new", new, published)] {
            let block = ["Datum aanmaak;\(published.dutch)", "Schooljaar;2021-2022", "Samenwerkingsverband;VO9901", ""]
            try ReleaseCSV.text(rows, layout: layout, block: block)
                .write(toFile: "\(directory)/\(name).csv", atomically: false, encoding: .utf8)
        }
    }
}
