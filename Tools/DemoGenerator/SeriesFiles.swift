import Foundation
import Ingest
import Ledger
import SampleData

/// A `ReleaseSeries` written as DUO-style Kijkglas 2 CSV files, with its ground truth beside
/// them in `truth.json`: per file, the events by kind and classification its diff against the
/// previous file must give.
enum SeriesFiles {
    /// Writes `series` into `directory` in `layout`; returns the file names.
    static func write(_ series: ReleaseSeries, layout: Layout, to directory: String) throws -> [String] {
        var truth: [[String: Any]] = []
        var names: [String] = []
        for release in series.releases {
            let name = "kijkglas2-\(ReleaseSeries.swv)-\(ReleaseSeries.schoolYear)-\(release.published.iso).csv"
            let block = [
                "Algemene gegevens", "Product;\(layout.displayName)", "Samenwerkingsverband;\(ReleaseSeries.swv)",
                "Schooljaar;\(ReleaseSeries.schoolYear)", "Datum aanmaak;\(release.published.dutch)", "", layout.blockTitles.first ?? "",
            ]
            try ReleaseCSV.text(release.rows, layout: layout, block: block).write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
            truth.append([
                "file": name, "rows": release.rows.count,
                "events": Dictionary(uniqueKeysWithValues: release.expected.map { kind, byClass in
                    (kind.name, Dictionary(uniqueKeysWithValues: byClass.map { ($0.key.rawValue, $0.value) }))
                }),
            ])
            names.append(name)
        }
        let json = try JSONSerialization.data(withJSONObject: truth, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: directory + "/truth.json"))
        return names
    }
}
