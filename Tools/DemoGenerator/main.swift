import Foundation
import Ingest
import Ledger
import SampleData

/// Writes the demo's Kijkglas 2 releases and its three versions of Kijkglas 3 as DUO-style CSV
/// files (`;`, dates `dd-mm-jjjj`, an "Algemene gegevens" block), headers taken from the
/// built-in layouts.
/// Usage: swift run generate-demo [OUTPUT-DIR] [SEED]   (defaults: Sources/KijkglasKit/Demo, 2021)
///        swift run generate-demo series DIR ROWS RELEASES [SEED]   a monthly series at any size with
///            its ground truth (`truth.json`: events by kind and classification per file), at real (v)so vestigingen
let series = CommandLine.arguments.dropFirst().first == "series"
let arguments = CommandLine.arguments.dropFirst(series ? 2 : 1)
let output = arguments.first ?? "Sources/KijkglasKit/Demo"
let seed = arguments.dropFirst(series ? 3 : 1).first.flatMap { UInt64($0) } ?? 2021

do {
    let layouts = try Layout.builtIn()
    func layout(_ product: String) throws -> Layout {
        guard let layout = layouts.first(where: { $0.product == product }) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no \(product) layout in Schemas/layouts"])
        }
        return layout
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    if series {
        let values = Array(arguments.dropFirst().prefix(2)).compactMap { Int($0) }
        guard values.count == 2, values[0] > 0, values[1] > 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "usage: generate-demo series DIR ROWS RELEASES [SEED]"])
        }
        let names = try SeriesFiles.write(
            ReleaseSeries(seed: seed, rows: values[0], count: values[1]), layout: try layout("kijkglas-2"), to: output)
        print("wrote \(names.count) files and truth.json to \(output)")
        exit(0)
    }
    var year = DemoSchoolYear(seed: seed)
    let snapshots = year.snapshots()
    for snapshot in snapshots {
        let name = "kijkglas2-\(DemoSchoolYear.swv)-\(DemoSchoolYear.schoolYear)-\(snapshot.published.iso).csv"
        try DemoFile.csv(snapshot, layout: try layout("kijkglas-2")).write(toFile: output + "/" + name, atomically: true, encoding: .utf8)
        print("wrote \(name): \(snapshot.rows.count) rows")
    }
    for (name, text) in try DemoGrowthFiles.files(from: snapshots, layout: try layout("kijkglas-3")) {
        try text.write(toFile: output + "/" + name, atomically: true, encoding: .utf8)
        print("wrote \(name)")
    }
} catch {
    FileHandle.standardError.write(Data("generate-demo: \(error)\n".utf8))
    exit(1)
}
