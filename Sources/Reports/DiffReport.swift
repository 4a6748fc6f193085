import Foundation
import Ledger

/// The output of `diff A B` in text, JSON, CSV or Markdown: the registration events that turn
/// A's rows into B's, changed fields old → new, personal numbers masked.
public struct DiffReport: Sendable {
    /// The diff to render.
    public var diff: ReleaseDiff
    /// Where B, the first release of its school year, speaks differently of the days before that
    /// year than the previous year's release; nil when it does not apply or nothing differs.
    public var previousYear: PreviousYearRewrite?

    /// A report of `diff`, with `previousYear` when B rewrites the previous school year's days.
    public init(_ diff: ReleaseDiff, previousYear: PreviousYearRewrite? = nil) {
        self.diff = diff
        self.previousYear = previousYear.flatMap { $0.registrations.isEmpty ? nil : $0 }
    }

    private var from: Release { diff.from }
    private var to: Release { diff.to }
    private var events: [RegistrationEvent] { diff.events }
    private var corrections: Int { diff.corrections }

    /// A heading line, then one line per event.
    public var text: String {
        var lines = [
            "\(from.id) (published \(from.publishedOn.iso)) → \(to.id) (published \(to.publishedOn.iso)), \(from.scope): "
                + "\(events.count) events, \(corrections) corrections of the past"
        ]
        lines += events.map { "  " + EventText.describe(.registration($0)) }
        if let previousYear { lines += PreviousYearText.lines(previousYear) }
        return lines.joined(separator: "\n")
    }

    /// `{"from": …, "to": …, "events": [EventJSON…]}` with sorted keys.
    public var json: String {
        struct Document: Encodable {
            var from: String
            var to: String
            var fromPublished: String
            var toPublished: String
            var scope: String
            var corrections: Int
            var events: [EventJSON]
            var previousYear: PreviousYearText.JSON?
        }
        let document = Document(
            from: from.id.description, to: to.id.description, fromPublished: from.publishedOn.iso,
            toPublished: to.publishedOn.iso, scope: from.scope.description, corrections: corrections,
            events: events.map { EventJSON(.registration($0)) }, previousYear: previousYear.map(PreviousYearText.JSON.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// One line per changed field (one per event when no field list applies), `;`-separated
    /// like DUO's files, with a header.
    public var csv: String {
        let header = ["kind", "classification", "pupil", "institution", "branch", "periodStart", "field", "old", "new"]
        return ([header] + cells).map { $0.map(CSVField.quote).joined(separator: ";") }.joined(separator: "\n")
    }

    /// A Markdown table of the same cells as the CSV, under a heading line.
    public var markdown: String {
        let header = ["kind", "classification", "pupil", "institution", "branch", "periodStart", "field", "old", "new"]
        var lines = [
            "**\(from.id) → \(to.id)** (\(from.scope)): \(events.count) events, \(corrections) corrections of the past", "",
            "| " + header.joined(separator: " | ") + " |",
            "|" + String(repeating: "---|", count: header.count),
        ]
        lines += cells.map { "| " + $0.map(MarkdownText.escape).joined(separator: " | ") + " |" }
        if let previousYear { lines += [""] + PreviousYearText.lines(previousYear).map(MarkdownText.escape) }
        return lines.joined(separator: "\n")
    }

    private var cells: [[String]] {
        events.flatMap { event -> [[String]] in
            let key = event.key
            let identity = [
                event.change.kind.name, event.classification.rawValue, key.pgn.masked, key.institution, key.branch,
                key.periodStart.iso,
            ]
            switch event.change {
            case .changed(let changes):
                return changes.map {
                    identity + [
                        $0.field.rawValue, Registration.display($0.old, of: $0.field) ?? "",
                        Registration.display($0.new, of: $0.field) ?? "",
                    ]
                }
            case .closed(let day): return [identity + ["periodEnd", "", day.iso]]
            case .flaggedUnfunded(let reason): return [identity + ["funded", "J", reason.map { "N (\(PGN.mask($0)))" } ?? "N"]]
            case .flaggedFunded: return [identity + ["funded", "N", "J"]]
            case .opened, .retracted: return [identity + ["", "", ""]]
            }
        }
    }
}
