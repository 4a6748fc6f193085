import ArgumentParser
import Foundation
import Ingest
import KijkglasKit
import Ledger

/// How to read DUO files: the layout and the metadata flags that override the file's own
/// (`ingest` and `inspect` share them).
struct ReadOptions: ParsableArguments {
    @Option(help: "Product id, e.g. kijkglas-2 (default: from the file).")
    var product: String?

    @Option(help: "SWV code, e.g. VO2508 (default: from the file).")
    var swv: String?

    @Option(help: "School year, e.g. 2021-2022 (default: from the file).")
    var schoolYear: String?

    @Option(help: .value("Reference date (peildatum) of a snapshot product.", Day.self))
    var referenceDate: Day?

    @Option(help: .value("DUO's publication date (default: from the file's block or name).", Day.self))
    var published: Day?

    @Option(help: "A layout file for headers the built-in layouts do not know.")
    var layout: String?

    @Option(help: "The sheet of a workbook to read (default: the one whose header matches).")
    var sheet: String?

    /// The reading: the given layout, else every built-in one; the given sheet of a workbook;
    /// the metadata given on the command line, which wins over the file's.
    func reading() throws -> FileReading {
        FileReading(
            layouts: try layout.map { [try Layout(contentsOf: URL(fileURLWithPath: $0))] }, sheet: sheet,
            overrides: ReleaseMetadata(
                product: product, swv: swv, schoolYear: schoolYear, referenceDate: referenceDate, published: published))
    }
}
