import KijkglasKit
import Ledger
import Reports

/// Controle DUO-cijfers: a figures (or settled pupils) release reconciled with the ledger's own
/// answer as known at its publication: each cell agrees or differs, with the pupils that may
/// explain a difference.
enum ReconcilePage {
    /// The page.
    static func page(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        let candidates = try app.session.releases().releases.filter { $0.content != .periods }
        guard let latest = candidates.max(by: { ($0.publishedOn, $0.id) < ($1.publishedOn, $1.id) }) else {
            return Page(section: .reconcile, title: "Controle DUO-cijfers", body: .notice("Het grootboek bevat geen bestanden met cijfers van DUO (Kijkglas 3, Kijkglas 1)."))
        }
        let chosen = try fields.release("release", label: "De release") ?? latest.id
        let showPGN = try app.showsPGN(fields)
        let report = try app.session.reconcile(ReconcileRequest(release: chosen)).report(showPGN: showPGN)
        let options = candidates.map { (value: $0.id.description, label: "\($0.id) \($0.scope) (\($0.publishedOn.dutch))") }
        let content: HTML
        switch report.outcome {
        case .figures(let figures): content = figuresTable(figures, showPGN: showPGN)
        case .snapshot(let snapshot): content = snapshotTable(snapshot, showPGN: showPGN)
        }
        return Page(
            section: .reconcile, title: "Controle DUO-cijfers",
            body: """
                <form method="get" action="/controle" class="filters">
                <label for="release">Release</label>\(HTML.select("release", options, selected: chosen.description))
                <button type="submit">Controleer</button></form>
                <p>\(report.release.id.description) \(report.release.scope.description), gepubliceerd \(report.release.publishedOn.dutch), \
                vergeleken met het grootboek zoals bekend op die dag (releases: \(report.context.releases.joined(separator: "; "))).</p>
                \(report.agrees ? HTML.notice("Alle cijfers komen overeen.", kind: "ok") : HTML.notice("Niet alle cijfers komen overeen.", kind: "warning"))
                \(HTML.showPGNButton(action: "/controle\(FormFields.query([("release", chosen.description)]))", csrf: app.secrets.csrfToken, shown: showPGN))
                \(content)
                """)
    }

    private static func figuresTable(_ figures: FigureReconciliation, showPGN: Bool) -> HTML {
        let rows = figures.lines.map { line -> [HTML] in
            let figure = line.figure
            let cell = [figure.measure.rawValue, figure.day?.dutch, figure.schoolType?.rawValue, figure.category?.rawValue, figure.label]
                .compactMap { $0 }.joined(separator: " · ")
            let verdict: HTML
            switch line.verdict {
            case .agrees: verdict = "<span class=\"ok\">komt overeen</span>"
            case .differs: verdict = "<span class=\"bad\">verschilt</span>"
            case .notComparable(let why): verdict = "niet te vergelijken: \(why)"
            }
            let pupils = line.candidates.map { candidate -> HTML in
                "<li>\(Dutch.pupil(candidate.pgn, show: showPGN)) op \(candidate.day.dutch): \(reason(candidate.reason))</li>"
            }
            return [.text(cell), .text(figure.value.description), .text(line.ledgerValue.map(DutchFormat.number) ?? "–"), verdict,
                    pupils.isEmpty ? "" : "<ul class=\"fields\">\(pupils)</ul>"]
        }
        return .table(header: ["Cel", "DUO", "Grootboek", "Oordeel", "Leerlingen die het verschil kunnen verklaren"], rows: rows, numeric: [1, 2])
    }

    private static func reason(_ reason: FigureReconciliation.Reason) -> String {
        switch reason {
        case .changedSince(let countedThen): countedThen ? "toen geteld, nu niet meer (sindsdien gecorrigeerd)" : "nu geteld, toen niet (sindsdien gecorrigeerd)"
        case .assumption(let rule, let counted): counted ? "alleen geteld door de aanname ‘\(rule)’" : "alleen niet geteld door de aanname ‘\(rule)’"
        case .rewrittenByNextSchoolYear(let release): "het eerste bestand van het volgende schooljaar (\(release)) zegt het anders"
        }
    }

    private static func snapshotTable(_ snapshot: SnapshotReconciliation, showPGN: Bool) -> HTML {
        let rows = snapshot.differences.map { pgn, difference -> [HTML] in
            let text: String
            switch difference {
            case .onlySettled(let row): text = "alleen door DUO verrekend (\(row.institution)/\(row.branch))"
            case .onlyCounted(let row): text = "alleen door het grootboek geteld (\(row.institution)/\(row.branch))"
            case .otherCell(let settled, let counted): text = "andere cel: DUO \(settled.category?.rawValue ?? "–"), grootboek \(counted.category?.rawValue ?? "–")"
            }
            return [.text(Dutch.pupil(pgn, show: showPGN)), .text(text)]
        }
        return """
            <p>Op \(snapshot.day.dutch): DUO verrekende \(snapshot.settledCount) leerlingen, het grootboek telt er \(snapshot.countedCount).</p>
            \(HTML.table(header: ["Leerling", "Verschil"], rows: rows))
            """
    }
}
