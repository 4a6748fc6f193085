import KijkglasKit
import Ledger
import Reports

/// Wat is er veranderd: the events between any two releases (by default the latest release
/// against its base), grouped by kind with the corrections of the past set apart, filtered by
/// kind, school, category and classification, each with its fields old → new; the CLI's CSV.
enum DiffPage {
    /// The two releases the fields ask for: `van` and `naar`, by default the latest registrations
    /// release (by publication) and its base.
    static func releases(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> (from: ReleaseID, to: ReleaseID)? {
        if let from = try fields.release("van", label: "‘Van’"), let to = try fields.release("naar", label: "‘Naar’") { return (from, to) }
        let answer = try app.session.releases()
        let latest = answer.releases.filter { $0.content == .periods }.max { ($0.publishedOn, $0.id) < ($1.publishedOn, $1.id) }
        guard let latest, let base = answer.lifecycles[latest.id]?.currentBase ?? latest.base else { return nil }
        return (base, latest.id)
    }

    /// The page.
    static func page(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        let all = try app.session.releases().releases
        guard let pair = try releases(app, fields) else {
            return Page(section: .diff, title: "Wat is er veranderd", body: .notice("Er zijn nog geen twee releases om te vergelijken."))
        }
        let answer = try app.session.diff(DiffRequest(from: pair.from, to: pair.to))
        let kind = fields["soort"].flatMap(RegistrationChange.Kind.init(name:))
        let classification: Classification? = try fields.choice("classificatie", label: "De classificatie")
        let school = fields["school"]?.uppercased()
        let category = fields["categorie"]
        let events = answer.diff.events.filter { event in
            (kind.map { event.change.kind == $0 } ?? true) && (classification.map { event.classification == $0 } ?? true)
                && (school.map { event.key.institution.uppercased() == $0 || "\(event.key.institution)/\(event.key.branch)".uppercased() == $0 } ?? true)
                && (category.map { categories(of: event).contains($0) } ?? true)
        }
        let showPGN = try app.showsPGN(fields)
        let query = FormFields.query([
            ("van", pair.from.description), ("naar", pair.to.description), ("soort", fields["soort"]), ("school", fields["school"]),
            ("categorie", category), ("classificatie", fields["classificatie"]),
        ])
        let corrections = events.filter { $0.classification == .correction }
        let others = events.filter { $0.classification != .correction }
        let groups = RegistrationChange.Kind.allCases.compactMap { kind -> HTML? in
            let ofKind = others.filter { $0.change.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            return "<h3>\(Dutch.kind(kind)) (\(ofKind.count))</h3>\n\(table(ofKind, showPGN: showPGN))"
        }
        let releaseOptions = all.map { (value: $0.id.description, label: "\($0.id) \($0.scope) (\($0.publishedOn.dutch))") }
        let diff = answer.diff
        return Page(
            section: .diff, title: "Wat is er veranderd",
            body: """
                <form method="get" action="/veranderd" class="filters">
                <label for="van">Van</label>\(HTML.select("van", releaseOptions, selected: pair.from.description))
                <label for="naar">Naar</label>\(HTML.select("naar", releaseOptions, selected: pair.to.description))
                <label for="soort">Soort</label>\(HTML.select("soort", [("", "alle")] + RegistrationChange.Kind.allCases.map { ($0.name, Dutch.kind($0)) }, selected: fields["soort"]))
                <label for="classificatie">Classificatie</label>\(HTML.select("classificatie", [("", "alle")] + Classification.allCases.map { ($0.rawValue, Dutch.classification($0)) }, selected: fields["classificatie"]))
                <label for="school">School</label><input type="text" id="school" name="school" size="8" placeholder="25GP of 25GP/00" value="\(fields["school"] ?? "")">
                <label for="categorie">Categorie</label>\(HTML.select("categorie", [("", "alle"), ("L", "L"), ("M", "M"), ("H", "H")], selected: category))
                <button type="submit">Toon</button>
                </form>
                <p>\(diff.from.id.description) (gepubliceerd \(diff.from.publishedOn.dutch)) → \(diff.to.id.description) (gepubliceerd \(diff.to.publishedOn.dutch)), \(diff.from.scope.description): \
                \(diff.events.count) gebeurtenissen, waarvan \(diff.corrections) correcties van het verleden; \(events.count) na de filters.</p>
                <p><a href="/veranderd.csv\(FormFields.query([("van", pair.from.description), ("naar", pair.to.description)]))" download>Download als CSV</a> (alle gebeurtenissen, PGN's gemaskeerd, zoals <code>kijkglas diff --format csv</code>)</p>
                \(HTML.showPGNButton(action: "/veranderd\(query)", csrf: app.secrets.csrfToken, shown: showPGN))
                <section><h2>Correcties van het verleden (\(corrections.count))</h2>
                <p>Gebeurtenissen die de geldige tijd vóór de publicatie van \(diff.from.id.description) herschrijven.</p>
                \(corrections.isEmpty ? HTML.notice("Geen.") : table(corrections, showPGN: showPGN))</section>
                <section><h2>Wijzigingen (\(others.count))</h2>\(groups.isEmpty ? HTML.notice("Geen.") : HTML(groups))</section>
                """)
    }

    /// The CSV of the two releases: what `kijkglas diff A B --format csv` prints.
    static func csv(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> String {
        guard let pair = try releases(app, fields) else { throw KijkglasError(.usage, "er zijn nog geen twee releases om te vergelijken") }
        return try app.session.diff(DiffRequest(from: pair.from, to: pair.to)).report.csv
    }

    /// The categories an event speaks of: the new row's, or a changed category's old and new.
    private static func categories(of event: RegistrationEvent) -> Set<String> {
        switch event.change {
        case .opened(let row): Set([row.category?.rawValue].compactMap { $0 })
        case .changed(let changes): Set(changes.filter { $0.field == .category }.flatMap { [$0.old, $0.new] }.compactMap { $0 })
        default: []
        }
    }

    /// One row per event: pupil, school, period start, classification, what changed.
    private static func table(_ events: [RegistrationEvent], showPGN: Bool) -> HTML {
        let rows = events.map { event -> [HTML] in
            [
                .text(Dutch.pupil(event.key.pgn, show: showPGN)), .text("\(event.key.institution)/\(event.key.branch)"),
                .text(event.key.periodStart.dutch), .text(Dutch.kind(event.change.kind)), .text(Dutch.classification(event.classification)),
                detail(event.change),
            ]
        }
        return .table(header: ["Leerling", "School", "Periode vanaf", "Soort", "Classificatie", "Wat"], rows: rows)
    }

    /// What changed, field by field.
    private static func detail(_ change: RegistrationChange) -> HTML {
        switch change {
        case .opened(let row):
            return "\(row.schoolType.rawValue), categorie \(row.category?.rawValue ?? "–"), ingeschreven vanaf \(row.enrolledFrom.dutch)\(row.funded ? "" : ", niet-bekostigd")"
        case .closed(let day): return "einddatum \(day.dutch)"
        case .changed(let changes):
            let items = changes.map { change -> HTML in "<li>\(change.field.rawValue): \(change.old ?? "–") → \(change.new ?? "–")</li>" }
            return "<ul class=\"fields\">\(items)</ul>"
        case .flaggedUnfunded(let reason): return "niet-bekostigd\(reason.map { ": \($0)" } ?? "")"
        case .flaggedFunded: return "weer bekostigd"
        case .retracted: return "rij verdwenen zonder einddatum"
        }
    }
}
