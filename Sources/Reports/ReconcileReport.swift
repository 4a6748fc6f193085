import Ledger

/// What `reconcile` prints for a release: DUO's stated figures or settled pupils against the
/// ledger's own as known at the same release, the differences and the pupils that may explain
/// them. PGNs are masked unless `showPGN`.
public struct ReconcileReport: Sendable {
    /// What was compared.
    public enum Outcome: Sendable {
        /// A figures release.
        case figures(FigureReconciliation)
        /// A snapshot release.
        case snapshot(SnapshotReconciliation)
    }

    /// The release reconciled.
    public let release: Release
    /// The comparison.
    public let outcome: Outcome
    /// What the ledger's side was computed from.
    public let context: ProjectionContext
    /// Whether to show full PGNs.
    public let showPGN: Bool

    /// A report of `outcome` for `release`.
    public init(release: Release, outcome: Outcome, context: ProjectionContext, showPGN: Bool) {
        self.release = release
        self.outcome = outcome
        self.context = context
        self.showPGN = showPGN
    }

    /// Whether DUO's side and the ledger's agree.
    public var agrees: Bool {
        switch outcome {
        case .figures(let figures): figures.agrees
        case .snapshot(let snapshot): snapshot.agrees
        }
    }

    /// The text form.
    public var text: String {
        var parts = ["Reconciling \(release.id) \(release.scope) (published \(release.publishedOn.iso)) with the ledger", context.line] + context.notes
        switch outcome {
        case .figures(let figures):
            let labelled = figures.lines.contains { $0.figure.label != nil }
            parts.append(
                TextTable(
                    header: ["measure", "days", "schoolsoort", "category"] + (labelled ? ["description"] : []) + ["DUO", "ledger", "verdict"],
                    rows: figures.lines.map { line in
                        let days = line.days.isEmpty ? (line.figure.day?.iso ?? "-") : line.days.map(\.iso).joined(separator: " → ")
                        return [line.figure.measure.rawValue, days, line.figure.schoolType?.rawValue ?? "all", line.figure.category?.rawValue ?? "all"]
                            + (labelled ? [line.figure.label.map(PGN.mask) ?? ""] : [])
                            + [line.figure.value.description, ledgerText(line), verdictText(line.verdict)]
                    },
                    rightAligned: labelled ? [5, 6] : [4, 5]
                ).render())
            for line in figures.lines where line.verdict == .differs {
                let cell = [line.figure.schoolType?.rawValue, line.figure.category?.rawValue].compactMap { $0 }.joined(separator: " ")
                parts.append("\(line.figure.measure.rawValue) \(cell.isEmpty ? "total" : cell): DUO \(line.figure.value), ledger \(ledgerText(line))")
                parts.append(
                    line.candidates.isEmpty
                        ? "  no pupil in the ledger explains it: DUO counted from registrations the ledger did not receive, or by another rule"
                        : line.candidates.map { "  \(pupil($0.pgn)) on \($0.day.iso): \(reasonText($0.reason))" }.joined(separator: "\n"))
            }
            var explained: Set<String> = []
            for line in figures.lines {
                if case .notComparable(let why) = line.verdict, explained.insert(line.figure.measure.rawValue + why).inserted {
                    parts.append("\(line.figure.measure.rawValue) not compared: \(why)")
                }
            }
        case .snapshot(let snapshot):
            parts.append("Teldatum \(snapshot.day.iso): DUO settled \(snapshot.settledCount) pupils, the ledger counts \(snapshot.countedCount)")
            if !snapshot.differences.isEmpty {
                parts.append(
                    TextTable(
                        header: ["pupil", "difference", "DUO", "ledger"],
                        rows: snapshot.differences.map { pgn, difference in
                            switch difference {
                            case .onlySettled(let row): [pupil(pgn), "settled by DUO only", Self.place(row), "-"]
                            case .onlyCounted(let row): [pupil(pgn), "counted by the ledger only", "-", Self.place(row)]
                            case .otherCell(let settled, let counted): [pupil(pgn), "other cell", Self.place(settled), Self.place(counted)]
                            }
                        }
                    ).render())
            }
        }
        parts.append(agrees ? "Agrees." : "Differs.")
        return parts.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/reconcile.schema.json`.
    public var json: String {
        ProjectionJSON.encode(ReconcileJSON(self))
    }

    func pupil(_ pgn: PGN) -> String { showPGN ? pgn.digits : pgn.masked }

    func ledgerText(_ line: FigureReconciliation.Line) -> String {
        guard let value = line.ledgerValue else { return "-" }
        return line.figure.measure == .transferDuty ? "€ \(Money(cents: value).euros)" : String(value)
    }

    func verdictText(_ verdict: FigureReconciliation.Verdict) -> String {
        switch verdict {
        case .agrees: "agrees"
        case .differs: "DIFFERS"
        case .notComparable: "not compared"
        }
    }

    func reasonText(_ reason: FigureReconciliation.Reason) -> String {
        switch reason {
        case .changedSince(let countedThen):
            countedThen
                ? "counted as known at the release, no longer as known today (corrected since)"
                : "not counted as known at the release, counted as known today (corrected since)"
        case .assumption(let rule, let countedUnderRules):
            countedUnderRules
                ? "counted only because of the assumption '\(rule)' (Schemas/rules/counting.json)"
                : "not counted only because of the assumption '\(rule)' (Schemas/rules/counting.json)"
        case .rewrittenByNextSchoolYear(let release):
            "the next school year's first file (\(release)) speaks differently of these days (see kijkglas diff)"
        }
    }

    /// `VSO H 25GP/04`.
    static func place(_ row: CountingRow) -> String {
        "\(row.schoolType.rawValue) \(row.category?.rawValue ?? "-") \(row.institution)/\(row.branch)"
    }
}
