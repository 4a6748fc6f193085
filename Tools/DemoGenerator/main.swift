import Foundation
import Ingest
import Ledger
import SampleData

/// Writes the demo's Kijkglas 2 releases and its three versions of Kijkglas 3 as DUO-style CSV
/// files (`;`, dates `dd-mm-jjjj`, an "Algemene gegevens" block), headers taken from the
/// built-in layouts.
/// Usage: swift run generate-demo [OUTPUT-DIR] [SEED]   (defaults: Sources/kijkglas/Demo, 2021)
let arguments = CommandLine.arguments.dropFirst()
let output = arguments.first ?? "Sources/kijkglas/Demo"
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 2021

do {
    let layouts = try Layout.builtIn()
    func layout(_ product: String) throws -> Layout {
        guard let layout = layouts.first(where: { $0.product == product }) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no \(product) layout in Schemas/layouts"])
        }
        return layout
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
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
