import Foundation
import Ingest
import Ledger
import SampleData

/// Two releases of one scope where 5% of the rows differ, for the diff benchmarks. Both are in
/// identity order, as the ledger stores releases (ingest sorts once), and identities are unique
/// (a row moved to institution 99XX that meets another is dropped).
struct ReleasePair {
    let old: [Registration]
    let new: [Registration]
    let basePublished = Day.literal(2021, 12, 15)
    let published = Day.literal(2022, 1, 20)

    init(rows: Int, seed: UInt64) {
        var generator = RegistrationGenerator(seed: seed)
        let old = generator.rows(count: rows)
        var new = old
        var random = SplitMix64(seed: seed &+ 1)
        for index in new.indices where Int.random(in: 0..<100, using: &random) < 5 {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: new[index].category = new[index].category == .low ? .high : .low
            case 1: new[index].periodEnd = new[index].periodEnd ?? published
            case 2:
                new[index].funded.toggle()
                new[index].unfundedReason = new[index].funded ? nil : "Geen geldige TLV"
            default: new[index].institution = "99XX"
            }
        }
        self.old = old
        var seen = Set<RegistrationKey>()
        self.new = new.filter { seen.insert($0.key).inserted }.sorted { $0.key < $1.key }
    }

    /// Writes both releases as Kijkglas 2 CSV with the reference headers, for peer tools.
    func write(to directory: String) throws {
        guard let layout = try Layout.builtIn().first(where: { $0.product == "kijkglas-2" }) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fields = layout.fields.filter { $0.headers.first != nil }
        for (name, rows, published) in [("old", old, basePublished), ("new", new, published)] {
            var text = "Datum aanmaak;\(published.dutch)\nSchooljaar;2021-2022\nSamenwerkingsverband;VO9901\n\n"
            text += fields.compactMap { $0.headers.first }.joined(separator: ";") + "\n"
            for row in rows {
                text += fields.map { entry -> String in
                    guard let value = row.text(of: entry.field) else { return "" }
                    return entry.field.kind == .day ? Day(iso: value)?.dutch ?? value : value
                }.joined(separator: ";") + "\n"
            }
            try text.write(toFile: "\(directory)/\(name).csv", atomically: false, encoding: .utf8)
        }
    }
}
