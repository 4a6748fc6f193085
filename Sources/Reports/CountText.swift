import Ledger

/// The text `count` prints.
public enum CountText {
    /// `On 2022-02-01: 312 pupils` then one line per group when broken down; with `context`,
    /// the first line adds what was counted and as known when.
    public static func render(_ count: PupilCount, context: ProjectionContext? = nil) -> String {
        var lines = ["On \(count.day.iso): \(count.total) pupils" + (context.map { " (\($0.line))" } ?? "")] + (context?.notes ?? [])
        if !count.groups.isEmpty {
            lines.append(
                TextTable(header: [count.breakdown?.rawValue ?? "group", "pupils"], rows: count.groups.map { [$0.label, String($0.count)] }, rightAligned: [1])
                    .render())
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/count.schema.json`.
    public static func json(_ count: PupilCount, context: ProjectionContext) -> String {
        ProjectionJSON.encode(CountJSON(count, context: context))
    }
}

/// The JSON form of a count.
struct CountJSON: Encodable {
    struct Group: Encodable {
        var label: String
        var pupils: Int
    }

    var on: String
    var knownAt: String?
    var selection: String
    var swv: String?
    var answeringSwv: String?
    var breakdown: String?
    var pupils: Int
    var groups: [Group]?
    var releases: [String]
    var fallbacks: [ProjectionContext.Fallback]?

    init(_ count: PupilCount, context: ProjectionContext) {
        on = count.day.iso
        knownAt = context.knownAt?.iso
        selection = context.selection
        swv = context.swv
        answeringSwv = context.answeringSwv
        breakdown = count.breakdown?.rawValue
        pupils = count.total
        groups = count.breakdown == nil ? nil : count.groups.map { Group(label: $0.label, pupils: $0.count) }
        releases = context.releases
        fallbacks = context.fallbacks.isEmpty ? nil : context.fallbacks
    }
}
