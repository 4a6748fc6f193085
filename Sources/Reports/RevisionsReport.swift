import Ledger

/// The text and JSON `revisions` prints: the revision triangle, one row per day the ledger's
/// knowledge changed, per valid day the value then and the revision since the row before.
public struct RevisionsReport: Sendable {
    /// The triangle.
    public let revisions: Revisions
    /// The metric's name (`count`, `growth`, `funding`).
    public let metric: String
    /// How values read: `pupils` or `cents`.
    public let unit: String
    /// The heading of each valid day's value column.
    public let columnTitles: [String]
    /// The SWV whose releases answered and whose TLVs were counted; nil when not said.
    public let swv: String?

    /// A report of `revisions` of `metric`, measured in `unit`; columns headed `metric day`
    /// unless `columnTitles` says otherwise.
    public init(_ revisions: Revisions, metric: String, unit: String, columnTitles: [String]? = nil, swv: String? = nil) {
        self.revisions = revisions
        self.swv = swv
        self.metric = metric
        self.unit = unit
        self.columnTitles = columnTitles ?? revisions.days.map { "\(metric) \($0.iso)" }
    }

    /// The text form.
    public var text: String {
        var header = ["known at", "event"]
        for title in columnTitles { header += [title, "revision"] }
        let rows = revisions.rows.map { row -> [String] in
            var cells = [row.point.day.iso, Self.event(row.point)]
            for (value, revision) in zip(row.values, row.revisions) {
                cells += [value.map(format) ?? "-", revision.map(signed) ?? ""]
            }
            return cells
        }
        let numbers = Set(revisions.days.indices.flatMap { [2 + 2 * $0, 3 + 2 * $0] })
        let title = "Revisions of \(metric) (\(unit == "cents" ? "euro" : unit)) as known at each publication and withdrawal"
            + (swv.map { "; \($0)'s releases and TLVs" } ?? "")
        return title + "\n" + TextTable(header: header, rows: rows, rightAligned: numbers).render()
    }

    /// The JSON form, described by `Schemas/json/revisions.schema.json`.
    public var json: String {
        ProjectionJSON.encode(RevisionsJSON(self))
    }

    /// `published R3, R4; withdrawn R2`.
    static func event(_ point: LoadedReleases.KnowledgePoint) -> String {
        var parts: [String] = []
        if !point.published.isEmpty { parts.append("published " + point.published.map(\.description).joined(separator: ", ")) }
        if !point.withdrawn.isEmpty { parts.append("withdrawn " + point.withdrawn.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    func format(_ value: Int) -> String { unit == "cents" ? DutchFormat.euro(Money(cents: value)) : String(value) }

    func signed(_ value: Int) -> String {
        unit == "cents" ? (value > 0 ? "+" : "") + DutchFormat.euro(Money(cents: value)) : GrowthReport.signed(value)
    }
}

/// The JSON form of a revision triangle.
struct RevisionsJSON: Encodable {
    struct Value: Encodable {
        var on: String
        var value: Int?
        var revision: Int?
    }

    struct Row: Encodable {
        var knownAt: String
        var published: [String]
        var withdrawn: [String]
        var values: [Value]
    }

    var metric: String
    var unit: String
    var swv: String?
    var days: [String]
    var rows: [Row]

    init(_ report: RevisionsReport) {
        metric = report.metric
        unit = report.unit
        swv = report.swv
        days = report.revisions.days.map(\.iso)
        rows = report.revisions.rows.map { row in
            Row(
                knownAt: row.point.day.iso, published: row.point.published.map(\.description),
                withdrawn: row.point.withdrawn.map(\.description),
                values: zip(report.revisions.days, zip(row.values, row.revisions)).map { Value(on: $0.iso, value: $1.0, revision: $1.1) })
        }
    }
}
