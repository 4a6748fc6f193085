import KijkglasKit
import Ledger
import Reports

/// Releases: a timeline per scope with each release's status and its dates, rows, events,
/// corrections and the corrected-release note; withdrawing a release and making one definitive,
/// each confirmed before it is recorded.
enum ReleasesPage {
    /// The page.
    static func page(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        let answer = try app.session.releases()
        let scopes = Dictionary(grouping: answer.releases, by: \.scope).sorted { $0.key < $1.key }
        let sections = scopes.map { scope, releases -> HTML in
            let rows = releases.sorted { ($0.publishedOn, $0.id) < ($1.publishedOn, $1.id) }.map { release -> [HTML] in
                let lifecycle = answer.lifecycles[release.id] ?? ReleaseLifecycle(currentBase: release.base)
                var notes: [String] = []
                if lifecycle.tally.total > 0, lifecycle.tally.isMostlyCorrections {
                    notes.append("Gecorrigeerde release: \(Dutch.tally(lifecycle.tally, .correction))")
                }
                if let rewrite = answer.previousYear[release.id] {
                    notes.append("herschrijft \(rewrite.registrations.count) inschrijvingen van het vorige schooljaar (\(rewrite.previous))")
                }
                let base = lifecycle.currentBase ?? release.base
                let diffLink: HTML = base.map { "<a href=\"/veranderd\(FormFields.query([("van", $0.description), ("naar", release.id.description)]))\">verschillen</a>" } ?? ""
                return [
                    "<span id=\"\(release.id.description)\">\(release.id.description)</span>", .text(release.publishedOn.dutch),
                    .text(Dutch.status(lifecycle)), .text(base?.description ?? "–"), .number(release.rowCount), .number(lifecycle.tally.total),
                    .number(lifecycle.tally.corrections), .text(notes.joined(separator: "; ")), diffLink,
                ]
            }
            return """
                <section><h2>\(scope.product) — \(scope.swv) — \(scope.period)</h2>
                \(HTML.table(header: ["Release", "Gepubliceerd", "Status", "Basis", "Regels", "Gebeurtenissen", "Correcties", "Opmerking", ""], rows: rows, numeric: [4, 5, 6]))
                </section>
                """
        }
        let options = answer.releases.map { (value: $0.id.description, label: "\($0.id) \($0.scope) (\($0.publishedOn.dutch))") }
        let csrf = HTML.csrfField(app.secrets.csrfToken)
        let actions: HTML = answer.releases.isEmpty ? "" : """
            <section><h2>DUO trok een release in of maakte er een definitief</h2>
            <form method="post" action="/releases/intrekken" class="action">\(csrf)
            <label for="release">Release</label>\(HTML.select("release", options, selected: nil))
            <label for="op">Ingetrokken op</label><input type="date" id="op" name="op" required>
            <label for="reden">Reden</label><input type="text" id="reden" name="reden" required>
            <button type="submit">Intrekken…</button></form>
            <form method="post" action="/releases/definitief" class="action">\(csrf)
            <label for="release-d">Release</label>\(HTML.select("release", id: "release-d", options, selected: nil))
            <label for="op-d">Definitief sinds</label><input type="date" id="op-d" name="op" required>
            <button type="submit">Definitief maken…</button></form>
            </section>
            """
        return Page(
            section: .releases, title: "Releases",
            body: answer.releases.isEmpty ? .notice("Nog geen releases.") : "\(sections)\(actions)")
    }

    /// A change to a release's lifecycle: first a page that says what will be recorded, then,
    /// with `bevestig`, the change itself.
    static func change(_ app: WebApp, _ fields: FormFields, withdraw: Bool) throws(KijkglasError) -> Page {
        guard let release = try fields.release("release", label: "De release") else { throw KijkglasError(.usage, "kies een release") }
        guard let day = try fields.day("op", label: "De datum") else { throw KijkglasError(.usage, "geef de datum") }
        let reason = fields["reden"] ?? ""
        if withdraw, reason.isEmpty { throw KijkglasError(.usage, "geef de reden van de intrekking") }
        let what = withdraw ? "\(release) ingetrokken op \(day.dutch) (\(reason))" : "\(release) definitief sinds \(day.dutch)"
        guard fields["bevestig"] == "ja" else {
            let action = withdraw ? "/releases/intrekken" : "/releases/definitief"
            return Page(
                section: .releases, title: "Bevestigen",
                body: """
                    <p>Vastleggen in het grootboek: <strong>\(what)</strong>. Dit staat daarna blijvend in het logboek.</p>
                    <form method="post" action="\(action)">\(HTML.csrfField(app.secrets.csrfToken))\
                    <input type="hidden" name="release" value="\(release.description)"><input type="hidden" name="op" value="\(day.iso)">\
                    <input type="hidden" name="reden" value="\(reason)"><input type="hidden" name="bevestig" value="ja">\
                    <button type="submit">Bevestig</button> <a href="/releases">Annuleren</a></form>
                    """)
        }
        if withdraw {
            try app.session.withdraw(WithdrawRequest(release: release, on: day, reason: reason))
        } else {
            try app.session.markDefinitive(DefinitiveRequest(release: release, on: day))
        }
        return Page(section: .releases, title: "Vastgelegd", body: "\(HTML.notice("Vastgelegd: \(what).")) <p><a href=\"/releases\">Terug naar de releases</a></p>")
    }
}
