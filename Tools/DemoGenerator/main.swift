import Foundation
import Ingest
import Ledger
import SampleData

/// Writes the demo's Kijkglas 2 releases as DUO-style CSV files (`;`, dates `dd-mm-jjjj`, an
/// "Algemene gegevens" block), headers taken from the built-in Kijkglas 2 layout.
/// Usage: swift run generate-demo [OUTPUT-DIR] [SEED]   (defaults: Sources/kijkglas/Demo, 2021)
let arguments = CommandLine.arguments.dropFirst()
let output = arguments.first ?? "Sources/kijkglas/Demo"
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 2021

do {
    guard let layout = try Layout.builtIn().first(where: { $0.product == "kijkglas-2" }) else {
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no kijkglas-2 layout in Schemas/layouts"])
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    var year = DemoSchoolYear(seed: seed)
    for snapshot in year.snapshots() {
        let name = "kijkglas2-\(DemoSchoolYear.swv)-\(DemoSchoolYear.schoolYear)-\(snapshot.published.iso).csv"
        try DemoFile.csv(snapshot, layout: layout).write(toFile: output + "/" + name, atomically: true, encoding: .utf8)
        print("wrote \(name): \(snapshot.rows.count) rows")
    }
} catch {
    FileHandle.standardError.write(Data("generate-demo: \(error)\n".utf8))
    exit(1)
}
