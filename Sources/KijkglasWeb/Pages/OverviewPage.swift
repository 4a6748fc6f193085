import KijkglasKit
import Ledger
import Reports

/// Overzicht: per scope the latest release and its status, for registration scopes the count on
/// the last teldatum and the growth so far, and what needs attention: withdrawn and corrected
/// releases, and the corrections of the past since the user last marked them seen.
enum OverviewPage {
    /// The page: the summary of the ledger, kept while the ledger is unchanged, and what is new
    /// since the web app's cursor, read every time.
    static func page(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        let summary: HTML
        if let version = app.version {
            summary = HTML(trusted: try app.cache.text(for: "overview", version: version) { () throws(KijkglasError) -> String in try Self.summary(app).markup })
        } else {
            summary = try Self.summary(app)
        }
        return Page(section: .overview, title: "Overzicht", body: "\(summary)\n\(try news(app))")
    }

    /// Per scope the latest release, its status and figures, and the releases that need attention.
    private static func summary(_ app: WebApp) throws(KijkglasError) -> HTML {
        let answer = try app.session.releases()
        guard !answer.releases.isEmpty else {
            return .notice("Het grootboek bevat nog geen releases. Voeg een bestand toe via ‘Bestand toevoegen’.")
        }
        let scopes = Dictionary(grouping: answer.releases, by: \.scope).sorted { $0.key < $1.key }
        let rows = scopes.map { scope, releases -> [HTML] in
            let latest = releases.max { ($0.publishedOn, $0.id) < ($1.publishedOn, $1.id) } ?? releases[0]
            let lifecycle = answer.lifecycles[latest.id] ?? ReleaseLifecycle(currentBase: latest.base)
            let figures = registrationFigures(app, latest)
            return [
                .text(scope.product), .text(scope.swv), .text(scope.period),
                "<a href=\"/releases#\(latest.id.description)\">\(latest.id.description)</a>", .text(latest.publishedOn.dutch),
                .text(Dutch.status(lifecycle)), .number(releases.count), .text(figures.0), .text(figures.1),
            ]
        }
        let table = HTML.table(
            header: ["Product", "SWV", "Periode", "Laatste release", "Gepubliceerd", "Status", "Releases", "Telling op laatste teldatum", "Groei tot nu"],
            rows: rows, numeric: [6])
        return "<section><h2>Per bereik</h2>\(table)</section>\n\(attention(answer))"
    }

    /// The count on the last teldatum (1 October or 1 February) the latest release of a
    /// registrations scope covers, and the growth to its 1 February; empty for other scopes.
    private static func registrationFigures(_ app: WebApp, _ latest: Release) -> (String, String) {
        guard latest.content == .periods, let year = SchoolYear(latest.scope.period),
            let october = Day(year: year.firstYear, month: 10, day: 1), let february = Day(year: year.firstYear + 1, month: 2, day: 1)
        else { return ("", "") }
        let teldatum = latest.publishedOn >= february ? february : october
        let count: String
        do {
            let answer = try app.session.count(CountRequest(on: teldatum, swv: .code(latest.scope.swv)))
            if case .oneSWV(let pupils, _) = answer { count = "\(DutchFormat.number(pupils.total)) op \(teldatum.dutch)" } else { count = "" }
        } catch {
            count = "–"
        }
        let growth: String
        do {
            let answer = try app.session.growth(GrowthRequest(peildatum: february, swv: .code(latest.scope.swv)))
            growth = "\(DutchFormat.signed(answer.growth.total.growth)) (1 okt → 1 feb)"
        } catch {
            growth = "–"
        }
        return (count, growth)
    }

    /// Withdrawn and corrected releases.
    private static func attention(_ answer: ReleasesAnswer) -> HTML {
        let items = answer.releases.compactMap { release -> HTML? in
            guard let lifecycle = answer.lifecycles[release.id] else { return nil }
            var notes: [String] = []
            if let withdrawn = lifecycle.withdrawn { notes.append("ingetrokken op \(withdrawn.on.dutch): \(withdrawn.reason)") }
            if lifecycle.tally.total > 0, lifecycle.tally.isMostlyCorrections {
                notes.append("gecorrigeerde release: \(Dutch.tally(lifecycle.tally, .correction))")
            }
            if let rewrite = answer.previousYear[release.id] { notes.append("herschrijft het vorige schooljaar (\(rewrite.registrations.count) gebeurtenissen)") }
            guard !notes.isEmpty else { return nil }
            return "<li><a href=\"/releases#\(release.id.description)\">\(release.id.description)</a> \(release.scope.description), gepubliceerd \(release.publishedOn.dutch): \(notes.joined(separator: "; "))</li>\n"
        }
        return "<section><h2>Aandacht</h2>\(items.isEmpty ? HTML.notice("Geen ingetrokken of gecorrigeerde releases.") : "<ul>\(items)</ul>")</section>"
    }

    /// What the log holds after the web app's cursor, corrections of the past first, with the
    /// button that marks it seen.
    private static func news(_ app: WebApp) throws(KijkglasError) -> HTML {
        let digest = try app.session.digest(DigestRequest(subscriber: WebApp.subscriber, create: true)).digest
        guard !digest.isEmpty else { return "<section><h2>Nieuw sinds u laatst keek</h2>\(HTML.notice("Niets nieuws."))</section>" }
        let rows = digest.sections.map { section -> [HTML] in
            let tally = section.tally
            return [
                .text(section.id.description), .text(section.release?.scope.description ?? ""),
                .text(section.release?.publishedOn.dutch ?? ""), .number(section.news.count), .number(section.corrections.count),
                .text(
                    [section.withdrawal.map { "ingetrokken op \($0.on.dutch)" }, section.isCorrectedRelease ? "gecorrigeerde release" : nil,
                     tally.corrections > 0 ? Dutch.tally(tally, .correction) : nil].compactMap { $0 }.joined(separator: "; ")),
            ]
        }
        return """
            <section><h2>Nieuw sinds u laatst keek</h2>
            <p>\(digest.eventCount) gebeurtenissen na gebeurtenis \(Int(digest.after)), tot en met \(Int(digest.through)).</p>
            \(HTML.table(header: ["Release", "Bereik", "Gepubliceerd", "Wijzigingen", "Correcties van het verleden", "Let op"], rows: rows, numeric: [3, 4]))
            <form method="post" action="/gezien">\(HTML.csrfField(app.secrets.csrfToken))<input type="hidden" name="tot" value="\(String(digest.through))">\
            <button type="submit">Markeer als gezien</button></form>
            </section>
            """
    }

    /// Moves the web app's cursor to the event in field `tot`, then back to the overview.
    static func markSeen(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) {
        guard let text = fields["tot"], let through = UInt64(text) else { throw KijkglasError(.usage, "geen gebeurtenis om tot te markeren") }
        try app.session.acknowledge(WebApp.subscriber, through: through)
    }
}
