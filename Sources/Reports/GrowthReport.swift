import Ledger

/// The text and JSON `growth` prints: per category the counts on both days and the growth,
/// and with `perPupil` the instroom, uitstroom, doorstroom and category moves. PGNs are masked
/// unless `showPGN`.
public struct GrowthReport: Sendable {
    /// The growth.
    public let growth: Growth
    /// What it was computed from.
    public let context: ProjectionContext
    /// Whether to list the pupils.
    public let perPupil: Bool
    /// Whether to show full PGNs in the list.
    public let showPGN: Bool

    /// A report of `growth`.
    public init(_ growth: Growth, context: ProjectionContext, perPupil: Bool, showPGN: Bool) {
        self.growth = growth
        self.context = context
        self.perPupil = perPupil
        self.showPGN = showPGN
    }

    /// The text form.
    public var text: String {
        let total = growth.total
        var parts = [context.line] + context.notes + [
            "Growth from \(growth.referenceDay.iso) to \(growth.peildatum.iso): \(Self.signed(total.growth)) pupils",
            TextTable(
                header: ["category", growth.referenceDay.iso, growth.peildatum.iso, "growth"],
                rows: growth.lines.map { [$0.category?.rawValue ?? "-", String($0.reference), String($0.peildatum), Self.signed($0.growth)] }
                    + [["total", String(total.reference), String(total.peildatum), Self.signed(total.growth)]],
                rightAligned: [1, 2, 3]
            ).render(),
        ]
        if perPupil {
            let counts = Growth.Movement.allCases.map { movement in
                "\(growth.movements.filter { $0.movement == movement }.count) \(movement.rawValue)"
            }
            parts.append("Pupils: " + counts.joined(separator: ", ") + " (doorstroom and category moves do not change the total)")
            parts.append(
                TextTable(
                    header: ["pupil", "movement", "from", "to"],
                    rows: growth.movements.map { [pupil($0.pgn), $0.movement.rawValue, Self.place($0.before), Self.place($0.after)] }
                ).render())
        }
        return parts.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/growth.schema.json`.
    public var json: String {
        ProjectionJSON.encode(GrowthJSON(self))
    }

    func pupil(_ pgn: PGN) -> String { showPGN ? pgn.digits : pgn.masked }

    /// `25GP/00 M`, or `-` when the pupil did not count that day.
    static func place(_ pupil: CountedPupils.Pupil?) -> String {
        guard let row = pupil?.row else { return "-" }
        return "\(row.institution)/\(row.branch) \(row.category?.rawValue ?? "-")"
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}

/// The JSON form of a growth report.
struct GrowthJSON: Encodable {
    struct Line: Encodable {
        var category: String?
        var reference: Int
        var peildatum: Int
        var growth: Int
    }

    struct Counted: Encodable {
        var institution: String
        var branch: String
        var category: String?
        var schoolType: String
        var payingSwv: String?

        init?(_ pupil: CountedPupils.Pupil?) {
            guard let pupil else { return nil }
            institution = pupil.row.institution
            branch = pupil.row.branch
            category = pupil.row.category?.rawValue
            schoolType = pupil.row.schoolType.rawValue
            payingSwv = pupil.payingSwv
        }
    }

    struct Pupil: Encodable {
        var pupil: String
        var movement: String
        var before: Counted?
        var after: Counted?
    }

    var referenceDay: String
    var peildatum: String
    var knownAt: String?
    var swv: String?
    var releases: [String]
    var fallbacks: [ProjectionContext.Fallback]?
    var categories: [Line]
    var total: Line
    var pupils: [Pupil]?

    init(_ report: GrowthReport) {
        let growth = report.growth
        referenceDay = growth.referenceDay.iso
        peildatum = growth.peildatum.iso
        knownAt = report.context.knownAt?.iso
        swv = report.context.swv
        releases = report.context.releases
        fallbacks = report.context.fallbacks.isEmpty ? nil : report.context.fallbacks
        func line(_ line: Growth.Line) -> Line {
            Line(category: line.category?.rawValue, reference: line.reference, peildatum: line.peildatum, growth: line.growth)
        }
        categories = growth.lines.map(line)
        total = line(growth.total)
        pupils = report.perPupil
            ? growth.movements.map {
                Pupil(pupil: report.pupil($0.pgn), movement: $0.movement.rawValue, before: Counted($0.before), after: Counted($0.after))
            } : nil
    }
}
