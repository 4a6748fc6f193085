import Ingest
import Ledger
import SampleData

/// One demo release as DUO would export it.
enum DemoFile {
    /// The file's text: the "Algemene gegevens" block, the block title, the header (each field's
    /// reference header from the layout) and one line per row, CRLF like DUO's exports.
    static func csv(_ snapshot: DemoSchoolYear.Snapshot, layout: Layout) -> String {
        let block = [
            "Algemene gegevens", "Product;\(layout.displayName)", "Samenwerkingsverband;\(DemoSchoolYear.swv)",
            "Naam samenwerkingsverband;\(DemoSchoolYear.swvName)", "Schooljaar;\(DemoSchoolYear.schoolYear)",
            "Datum aanmaak;\(snapshot.published.dutch)", "", layout.blockTitles.first ?? "",
        ]
        let fields = layout.fields.filter { $0.headers.first != nil }
        let header = fields.compactMap { $0.headers.first }.joined(separator: ";")
        let lines = snapshot.rows.map { row in
            fields.map { entry in duoText(row.text(of: entry.field), kind: entry.field.kind) }.joined(separator: ";")
        }
        return (block + [header] + lines).joined(separator: "\r\n") + "\r\n"
    }

    /// Canonical text in DUO's style: dates `dd-mm-jjjj`, everything else as is.
    private static func duoText(_ text: String?, kind: Registration.Kind) -> String {
        guard let text else { return "" }
        if kind == .day, let day = Day(iso: text) { return day.dutch }
        return text
    }
}
