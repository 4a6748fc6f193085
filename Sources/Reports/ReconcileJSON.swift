import Ledger

/// The JSON form of a `ReconcileReport`, described by `Schemas/json/reconcile.schema.json`.
struct ReconcileJSON: Encodable {
    struct Candidate: Encodable {
        var pupil: String
        var day: String
        var reason: String
        var rule: String?
        var release: String? = nil
    }

    struct Figure: Encodable {
        var figure: EventJSON.Figure
        var ledger: String?
        var verdict: String
        var why: String?
        var candidates: [Candidate]
    }

    struct Difference: Encodable {
        var pupil: String
        var difference: String
        var settled: String?
        var counted: String?
    }

    var release: String
    var scope: String
    var published: String
    var knownAt: String
    var agrees: Bool
    var figures: [Figure]?
    var teldatum: String?
    var settled: Int?
    var counted: Int?
    var differences: [Difference]?

    init(_ report: ReconcileReport) {
        release = report.release.id.description
        scope = report.release.scope.description
        published = report.release.publishedOn.iso
        knownAt = report.context.knownAt?.iso ?? report.release.publishedOn.iso
        agrees = report.agrees
        switch report.outcome {
        case .figures(let reconciliation):
            figures = reconciliation.lines.map { line in
                var why: String?
                if case .notComparable(let reason) = line.verdict { why = reason }
                return Figure(
                    figure: EventJSON.Figure(line.figure), ledger: line.ledgerValue.map { _ in report.ledgerText(line) },
                    verdict: report.verdictText(line.verdict).lowercased(), why: why,
                    candidates: line.candidates.map { candidate in
                        switch candidate.reason {
                        case .changedSince(let countedThen):
                            Candidate(
                                pupil: report.pupil(candidate.pgn), day: candidate.day.iso,
                                reason: countedThen ? "countedThenNotNow" : "countedNowNotThen", rule: nil)
                        case .assumption(let rule, let counted):
                            Candidate(
                                pupil: report.pupil(candidate.pgn), day: candidate.day.iso,
                                reason: counted ? "countedOnlyByAssumption" : "excludedOnlyByAssumption", rule: rule)
                        case .rewrittenByNextSchoolYear(let release):
                            Candidate(
                                pupil: report.pupil(candidate.pgn), day: candidate.day.iso, reason: "rewrittenByNextSchoolYear",
                                rule: nil, release: release.description)
                        }
                    })
            }
        case .snapshot(let snapshot):
            teldatum = snapshot.day.iso
            settled = snapshot.settledCount
            counted = snapshot.countedCount
            differences = snapshot.differences.map { pgn, difference in
                switch difference {
                case .onlySettled(let row):
                    Difference(pupil: report.pupil(pgn), difference: "settledOnly", settled: ReconcileReport.place(row), counted: nil)
                case .onlyCounted(let row):
                    Difference(pupil: report.pupil(pgn), difference: "countedOnly", settled: nil, counted: ReconcileReport.place(row))
                case .otherCell(let settled, let counted):
                    Difference(
                        pupil: report.pupil(pgn), difference: "otherCell", settled: ReconcileReport.place(settled),
                        counted: ReconcileReport.place(counted))
                }
            }
        }
    }
}
