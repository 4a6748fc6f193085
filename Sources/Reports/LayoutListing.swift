import Ingest

/// What `layouts` prints: each layout's product and version, then its fields with type,
/// whether required, and the headers they are known by.
public enum LayoutListing {
    /// The listing of `layouts`, a blank line between them.
    public static func text(_ layouts: [Layout]) -> String {
        layouts.map(text).joined(separator: "\n\n")
    }

    private static func text(_ layout: Layout) -> String {
        var lines = [
            "\(layout.product): \(layout.displayName), layout version \(layout.layoutVersion), one release per \(scope(layout)), "
                + content(layout)
        ]
        let fields =
            layout.fields.map { (name: $0.field.rawValue, type: $0.type, required: $0.required, headers: $0.headers) }
            + layout.figureFields.map { (name: $0.field.rawValue, type: $0.type, required: $0.required, headers: $0.headers) }
        let nameWidth = fields.map(\.name.count).max() ?? 0
        let typeWidth = fields.map(\.type.rawValue.count).max() ?? 0
        for field in fields {
            lines.append("  " + pad(field.name, nameWidth) + "  " + pad(field.type.rawValue, typeWidth) + "  "
                + (field.required ? "required" : "optional") + "  " + field.headers.joined(separator: " | "))
        }
        for column in layout.combined {
            lines.append("  combined column " + column.headers.joined(separator: " | ") + " fills "
                + column.kind.fills.map(\.rawValue).joined(separator: " + "))
        }
        return lines.joined(separator: "\n")
    }

    private static func scope(_ layout: Layout) -> String {
        switch layout.scope {
        case .schoolYear: "school year"
        case .referenceDate: "peildatum"
        }
    }

    private static func content(_ layout: Layout) -> String {
        switch layout.content {
        case .periods: "holding registration periods"
        case .snapshot: "holding the registrations settled on one teldatum"
        case .figures: "holding DUO's stated figures"
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
