import Ingest
import KijkglasKit
import Ledger

extension HTML {
    /// What `inspect` shows of a file: format and layout, each metadata item with where it came
    /// from, the header → field mapping, the row count and every problem with its line and column
    /// (values that could be PGNs masked, as `InputProblem` does).
    static func inspection(_ inspection: FileInspection) -> HTML {
        let metadata = inspection.metadata.map { item -> [HTML] in [.text(item.name), .text(PGN.mask(item.value)), .text(item.origin.rawValue)] }
        let columns = inspection.columns.map { column -> [HTML] in
            [.text(InputProblem.columnName(column.number)), .text(PGN.mask(column.header)), .text(column.field ?? "(niet gebruikt)")]
        }
        let problems = inspection.problems.map { problem -> [HTML] in
            [.number(problem.line), .text(problem.column > 0 ? InputProblem.columnName(problem.column) : "–"), .text(problem.description)]
        }
        return """
            <section><h2>\(inspection.fileName)</h2>
            <dl>
            <dt>Formaat</dt><dd>\(inspection.format)\(inspection.encoding.map { ", \($0.rawValue)" } ?? "")</dd>
            <dt>Indeling</dt><dd>\(inspection.layout.map { "\($0.displayName) (\($0.product), versie \($0.layoutVersion))" } ?? "niet herkend")</dd>
            <dt>Kopregel</dt><dd>regel \(inspection.headerLine)</dd>
            <dt>Rijen</dt><dd id="rijen">\(inspection.rowCount)</dd>
            </dl>
            <h3>Metadata en herkomst</h3>
            \(HTML.table(header: ["Gegeven", "Waarde", "Herkomst"], rows: metadata))
            <h3>Kolommen</h3>
            \(HTML.table(header: ["Kolom", "Kop", "Veld"], rows: columns))
            <h3>Problemen (\(inspection.problems.count)\(inspection.truncated ? ", afgekapt" : ""))</h3>
            \(inspection.problems.isEmpty ? HTML.notice("Geen problemen.", kind: "ok") : HTML.table(header: ["Regel", "Kolom", "Probleem"], rows: problems, numeric: [0]))
            </section>
            """
    }

    /// A failure of the library: its message with the page's words for its terms, and the
    /// problems of the files read.
    static func failure(_ error: KijkglasError) -> HTML {
        let problems = error.input?.problems.map { problem -> HTML in "<li>\(problem.description)</li>" } ?? []
        return "\(notice(error.text(naming: \.dutch), kind: "warning"))\(problems.isEmpty ? "" : "<ul class=\"problems\">\(problems)</ul>")"
    }
}
