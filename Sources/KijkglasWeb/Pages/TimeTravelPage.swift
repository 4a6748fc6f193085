import KijkglasKit
import Ledger
import Reports

/// Tijdreis: for a day (valid time) as known on a day (transaction time) the count with its
/// breakdown, the growth to the day's 1 February with the pupils who make it up, the funding of
/// the day's funding year, and the revision triangle of the day's count as a table and a chart.
enum TimeTravelPage {
    /// The page.
    static func page(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        let day: Day
        if let chosen = try fields.day("dag", label: "De dag") { day = chosen } else { day = try defaultDay(app) }
        let knownAt = try fields.day("bekend-op", label: "‘Zoals bekend op’")
        let breakdown: PupilCount.Breakdown? = try fields.choice("per", label: "De uitsplitsing")
        let showPGN = try app.showsPGN(fields)
        let query = FormFields.query([("dag", day.iso), ("bekend-op", knownAt?.iso), ("per", breakdown?.rawValue)])
        let form: HTML = """
            <form method="get" action="/tijdreis" class="filters">
            <label for="dag">Dag (geldige tijd)</label><input type="date" id="dag" name="dag" value="\(day.iso)" required>
            <label for="bekend-op">Zoals bekend op</label><input type="date" id="bekend-op" name="bekend-op" value="\(knownAt?.iso ?? "")">
            <label for="per">Uitsplitsing</label>\(HTML.select("per", Dutch.breakdownOptions, selected: breakdown?.rawValue))
            <button type="submit">Toon</button>
            </form>
            <p>Leeg ‘zoals bekend op’ is de kennis van vandaag.</p>
            """
        let count = try app.session.count(CountRequest(on: day, knownAt: knownAt, breakdown: breakdown))
        return Page(
            section: .timeTravel, title: "Tijdreis",
            body: """
                \(form)
                \(countSection(count))
                \(growthSection(app, day: day, knownAt: knownAt, showPGN: showPGN, action: "/tijdreis\(query)"))
                \(fundingSection(app, day: day, knownAt: knownAt))
                \(revisionsSection(app, day: day))
                """)
    }

    /// The last 1 February or 1 October on or before the latest publication, else that day.
    static func defaultDay(_ app: WebApp) throws(KijkglasError) -> Day {
        let releases = try app.session.releases().releases.filter { $0.content == .periods }
        guard let latest = releases.map(\.publishedOn).max() else { throw KijkglasError(.usage, "het grootboek bevat nog geen registratiebestanden") }
        let year = latest.components.year
        let candidates = [Day(year: year, month: 2, day: 1), Day(year: year - 1, month: 10, day: 1), Day(year: year, month: 10, day: 1)]
        return candidates.compactMap { $0 }.filter { $0 <= latest }.max() ?? latest
    }

    /// The funding year of `day`: its school year until 2021-2022, its calendar year from 2022.
    static func fundingYear(of day: Day) -> FundingYear {
        let schoolYear = SchoolYear(containing: day)
        return schoolYear.firstYear < 2022 ? .schoolYear(schoolYear.firstYear) : .calendarYear(day.components.year)
    }

    private static func countSection(_ answer: CountAnswer) -> HTML {
        guard case .oneSWV(let count, let context) = answer else { return "" }
        let groups = HTML.table(header: [count.breakdown.map(Dutch.breakdown) ?? "", "Leerlingen"], rows: count.groups.map { [.text($0.label), .number($0.count)] }, numeric: [1])
        return """
            <section><h2>Telling op \(count.day.dutch)</h2>
            <p class="figure" id="telling">\(count.total)</p><p>leerlingen, \(context.knownAt.map { "zoals bekend op \($0.dutch)" } ?? "zoals nu bekend"); \
            SWV \(context.answeringSwv ?? context.swv ?? "–"); releases: \(context.releases.joined(separator: "; "))</p>
            \(notes(context))\(count.breakdown == nil ? "" : groups)</section>
            """
    }

    private static func notes(_ context: ProjectionContext) -> HTML {
        HTML(context.fallbacks.map { HTML.notice("Let op: \($0.note)", kind: "warning") })
    }

    private static func growthSection(_ app: WebApp, day: Day, knownAt: Day?, showPGN: Bool, action: String) -> HTML {
        let schoolYear = SchoolYear(containing: day)
        guard let peildatum = Day(year: schoolYear.firstYear + 1, month: 2, day: 1) else { return "" }
        do {
            let report = try app.session.growth(GrowthRequest(peildatum: peildatum, knownAt: knownAt)).report(perPupil: true, showPGN: showPGN)
            let growth = report.growth
            let lines = (growth.lines + [growth.total]).enumerated().map { index, line -> [HTML] in
                [.text(index == growth.lines.count ? "totaal" : line.category?.rawValue ?? "–"), .number(line.reference), .number(line.peildatum), .text(DutchFormat.signed(line.growth))]
            }
            let pupils = growth.movements.map { movement -> [HTML] in
                [.text(Dutch.pupil(movement.pgn, show: showPGN)), .text(movement.movement == .category ? "categorie" : movement.movement.rawValue), .text(place(movement.before)), .text(place(movement.after))]
            }
            return """
                <section><h2>Groei van \(growth.referenceDay.dutch) tot \(growth.peildatum.dutch)</h2>
                <p class="figure" id="groei">\(DutchFormat.signed(growth.total.growth))</p>
                \(HTML.table(header: ["Categorie", growth.referenceDay.dutch, growth.peildatum.dutch, "Groei"], rows: lines, numeric: [1, 2, 3]))
                <h3>Per leerling</h3>
                \(HTML.showPGNButton(action: action, csrf: app.secrets.csrfToken, shown: showPGN))
                \(HTML.table(header: ["Leerling", "Beweging", "Van", "Naar"], rows: pupils))
                </section>
                """
        } catch {
            return "<section><h2>Groei</h2>\(HTML.notice(error.text(naming: \.dutch), kind: "warning"))</section>"
        }
    }

    /// `25GP/00 M`, or `–` when the pupil did not count.
    private static func place(_ pupil: CountedPupils.Pupil?) -> String {
        guard let row = pupil?.row else { return "–" }
        return "\(row.institution)/\(row.branch) \(row.category?.rawValue ?? "–")"
    }

    private static func fundingSection(_ app: WebApp, day: Day, knownAt: Day?) -> HTML {
        let year = fundingYear(of: day)
        do {
            let funding = try app.session.funding(FundingRequest(year: year, knownAt: knownAt)).funding
            let rows = (funding.lines + funding.growthLines).map { line -> [HTML] in
                [.text(line.band.rawValue), .text(line.category?.rawValue ?? "–"), .number(line.pupils),
                 .text(line.perPupil.map(DutchFormat.euro) ?? "–"), .text(line.amount.map(DutchFormat.euro) ?? "–")]
            }
            return """
                <section><h2>Bekostiging \(year.description)</h2>
                <p class="figure" id="bekostiging">\(DutchFormat.euro(funding.total))</p><p>af van het SWV-budget; teldatum \(funding.teldatum.dutch), tarieven gepubliceerd op \(funding.rates.published.dutch) (\(funding.rates.source))</p>
                \(HTML.table(header: ["Tariefgroep", "Categorie", "Leerlingen", "Per leerling", "Bedrag"], rows: rows, numeric: [2, 3, 4]))
                </section>
                """
        } catch {
            return "<section><h2>Bekostiging \(year.description)</h2>\(HTML.notice(error.text(naming: \.dutch), kind: "warning"))</section>"
        }
    }

    private static func revisionsSection(_ app: WebApp, day: Day) -> HTML {
        do {
            let revisions = try app.session.revisions(RevisionsRequest(metric: .count(on: [day]))).revisions
            let rows = revisions.rows.map { row -> [HTML] in
                [.text(row.point.day.dutch), .text(TrendHTML.event(row.point)), .text(row.values.first.flatMap { $0 }.map(DutchFormat.number) ?? "–"),
                 .text(row.revisions.first.flatMap { $0 }.map(DutchFormat.signed) ?? "")]
            }
            let chart = SVGChart.lines(
                title: "Telling op \(day.dutch) zoals bekend na elke release", yLabel: "Leerlingen",
                xLabels: revisions.rows.map(\.point.day.dutch),
                series: [SVGChart.Series(label: "Telling op \(day.dutch)", values: revisions.rows.map { $0.values.first ?? nil }, color: SVGChart.style(at: 0).color)],
                fromZero: false)
            return """
                <section><h2>Herzieningsdriehoek voor \(day.dutch)</h2>
                <p>De telling voor deze dag zoals bekend na elke publicatie en intrekking.</p>
                \(HTML(trusted: chart))
                \(HTML.table(header: ["Bekend op", "Release", "Telling", "Herziening"], rows: rows, numeric: [2, 3]))
                </section>
                """
        } catch {
            return "<section><h2>Herzieningsdriehoek</h2>\(HTML.notice(error.text(naming: \.dutch), kind: "warning"))</section>"
        }
    }
}
