import Ingest
import Ledger

/// Registration rows written as DUO exports them: a metadata block, each field's reference
/// header from the layout, then one line per row (`;`, dates `dd-mm-jjjj`, CRLF).
public enum ReleaseCSV {
    /// The file's text: the `block` lines, the header and one line per row.
    public static func text(_ rows: [Registration], layout: Layout, block: [String]) -> String {
        let fields = layout.fields.filter { $0.headers.first != nil }
        let header = fields.compactMap { $0.headers.first }.joined(separator: ";")
        let lines = rows.map { row in
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
