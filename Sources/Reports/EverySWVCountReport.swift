import Ledger

/// The text and JSON `count --swv all` prints: each SWV's own count with its releases, the sum,
/// and the pupils several SWVs count. PGNs are masked unless `showPGN`.
public struct EverySWVCountReport: Sendable {
    /// The counts.
    public let every: EverySWVCount
    /// `rules` or `all`.
    public let selection: String
    /// Whether each SWV counted every paying SWV's pupils in its files.
    public let everyPayer: Bool
    /// Whether to show full PGNs.
    public let showPGN: Bool

    /// A report of `every`.
    public init(_ every: EverySWVCount, selection: String, everyPayer: Bool, showPGN: Bool) {
        self.every = every
        self.selection = selection
        self.everyPayer = everyPayer
        self.showPGN = showPGN
    }

    private func context(_ answer: EverySWVCount.Answer) -> ProjectionContext {
        ProjectionContext(state: answer.state, selection: selection, swv: everyPayer ? nil : answer.state.swv)
    }

    private func pupil(_ pgn: PGN) -> String { showPGN ? pgn.digits : pgn.masked }

    /// The text form.
    public var text: String {
        let known = every.answers.first?.state.knownAt.map { "as known at \($0.iso)" } ?? "as known today"
        let what = selection == "all" ? "every valid row" : "counting rules"
        let whose = everyPayer ? "every paying SWV in its files" : "the pupils whose TLV it issued"
        var lines = ["On \(every.day.iso): \(every.total.total) pupils, each SWV from its own releases (\(known); \(what); \(whose))"]
        let groupLabels = every.total.groups.map(\.label)
        var rows = every.answers.map { answer in
            [answer.state.swv, answer.state.releases.map(\.id.description).joined(separator: ", "), String(answer.count.total)]
                + groupLabels.map { label in String(answer.count.groups.first { $0.label == label }?.count ?? 0) }
        }
        rows.append(["total", "", String(every.total.total)] + every.total.groups.map { String($0.count) })
        lines.append(
            TextTable(header: ["swv", "releases", "pupils"] + groupLabels, rows: rows, rightAligned: Set(2..<(3 + groupLabels.count))).render())
        lines += every.answers.flatMap { context($0).notes.map { "\($0)" } }
        if !every.unanswered.isEmpty {
            lines.append("No release answers \(every.day.iso) for: \(every.unanswered.joined(separator: ", "))")
        }
        if every.sharedPupils.isEmpty {
            lines.append("No pupil is counted by more than one SWV.")
        } else {
            lines.append("\(every.sharedPupils.count) pupil(s) counted by more than one SWV (their files name different paying SWVs), so in the total more than once:")
            lines.append(
                TextTable(
                    header: ["pupil", "counted by (paying SWV in its file)"],
                    rows: every.sharedPupils.map { shared in
                        [pupil(shared.pgn), shared.counts.map { "\($0.swv) (\($0.payingSwv ?? "-"))" }.joined(separator: ", ")]
                    }
                ).render())
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/count.schema.json` (with `swv` `all`).
    public var json: String { ProjectionJSON.encode(EverySWVCountJSON(self)) }

    fileprivate struct EverySWVCountJSON: Encodable {
        struct Group: Encodable {
            var label: String
            var pupils: Int
        }
        struct PerSWV: Encodable {
            var swv: String
            var pupils: Int
            var groups: [Group]?
            var releases: [String]
            var fallbacks: [ProjectionContext.Fallback]?
        }
        struct Shared: Encodable {
            var pupil: String
            var counts: [String: String]
        }

        var on: String
        var knownAt: String?
        var selection: String
        var swv = "all"
        var everyPayer: Bool
        var breakdown: String?
        var pupils: Int
        var groups: [Group]?
        var releases: [String]
        var perSwv: [PerSWV]
        var unanswered: [String]
        var sharedPupils: [Shared]

        init(_ report: EverySWVCountReport) {
            let every = report.every
            on = every.day.iso
            knownAt = every.answers.first?.state.knownAt?.iso
            selection = report.selection
            everyPayer = report.everyPayer
            breakdown = every.total.breakdown?.rawValue
            pupils = every.total.total
            groups = every.total.breakdown == nil ? nil : every.total.groups.map { Group(label: $0.label, pupils: $0.count) }
            perSwv = every.answers.map { answer in
                let context = report.context(answer)
                return PerSWV(
                    swv: answer.state.swv, pupils: answer.count.total,
                    groups: answer.count.breakdown == nil ? nil : answer.count.groups.map { Group(label: $0.label, pupils: $0.count) },
                    releases: context.releases, fallbacks: context.fallbacks.isEmpty ? nil : context.fallbacks)
            }
            releases = perSwv.flatMap(\.releases)
            unanswered = every.unanswered
            sharedPupils = every.sharedPupils.map { shared in
                Shared(
                    pupil: report.pupil(shared.pgn),
                    counts: Dictionary(shared.counts.map { ($0.swv, $0.payingSwv ?? "-") }, uniquingKeysWith: { first, _ in first }))
            }
        }
    }
}
