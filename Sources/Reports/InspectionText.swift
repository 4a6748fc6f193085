import Ingest
import Ledger

/// What `inspect` prints about a file: format and encoding, layout, metadata with origins,
/// the header mapping, the row count and every problem (already masked).
public enum InspectionText {
    /// The report, one item per line, control characters in the file's texts escaped; the
    /// options that fix a problem named by `option` (in words unless given).
    public static func text(_ inspection: FileInspection, naming option: (ReadingOption) -> String = \.words) -> String {
        var lines = ["file: \(inspection.fileName)"]
        var format = inspection.format
        if let encoding = inspection.encoding { format += ", \(encoding.rawValue)" }
        lines.append("format: \(format)")
        if let layout = inspection.layout {
            lines.append("product: \(layout.displayName) (\(layout.product), layout version \(layout.layoutVersion))")
            lines.append("header: line \(inspection.headerLine)")
        } else {
            lines.append("product: not recognised")
        }
        if !inspection.metadata.isEmpty {
            lines.append("metadata:")
            let width = inspection.metadata.map(\.name.count).max() ?? 0
            let valueWidth = inspection.metadata.map(\.value.count).max() ?? 0
            for item in inspection.metadata {
                lines.append("  " + pad(item.name, width) + "  " + pad(PGN.mask(item.value), valueWidth) + "  from " + item.origin.rawValue)
            }
        }
        if !inspection.columns.isEmpty {
            lines.append("columns:")
            let width = inspection.columns.map { PGN.mask($0.header).count }.max() ?? 0
            let numberWidth = String(inspection.columns.count).count
            for column in inspection.columns {
                let number = String(column.number)
                lines.append("  " + String(repeating: " ", count: numberWidth - number.count) + number + "  "
                    + pad(PGN.mask(column.header), width) + "  -> " + (column.field ?? "(not read)"))
            }
        }
        lines.append("rows: \(inspection.rowCount)")
        if inspection.problems.isEmpty {
            lines.append("problems: none")
        } else {
            lines.append("problems: \(inspection.problems.count)" + (inspection.truncated ? " (stopped at the limit; more may exist)" : ""))
            lines += inspection.problems.map { "  " + $0.text(naming: option) }
        }
        return lines.map(\.escapingControlCharacters).joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
