import Ingest
import SampleData

/// One demo release as DUO would export it.
enum DemoFile {
    /// The file's text: the "Algemene gegevens" block and the block title, then the rows as
    /// `ReleaseCSV` writes them.
    static func csv(_ snapshot: DemoSchoolYear.Snapshot, layout: Layout) -> String {
        let block = [
            "Algemene gegevens", "Product;\(layout.displayName)", "Samenwerkingsverband;\(DemoSchoolYear.swv)",
            "Naam samenwerkingsverband;\(DemoSchoolYear.swvName)", "Schooljaar;\(DemoSchoolYear.schoolYear)",
            "Datum aanmaak;\(snapshot.published.dutch)", "", layout.blockTitles.first ?? "",
        ]
        return ReleaseCSV.text(snapshot.rows, layout: layout, block: block)
    }
}
