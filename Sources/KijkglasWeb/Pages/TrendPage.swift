import KijkglasKit
import Ledger
import Reports

/// Trend: the trend report's charts and tables (what `trend --html` writes), its options as form
/// fields; by default the count, monthly, over the school year of the latest registrations file.
enum TrendPage {
    /// The page.
    static func page(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        let year = SchoolYear(containing: try TimeTravelPage.defaultDay(app))
        let from = try fields.day("van", label: "‘Van’") ?? year.days.lowerBound
        let to = try fields.day("tot", label: "‘Tot en met’") ?? year.days.upperBound
        let every = try fields.choice("elke", label: "De afstand") ?? Trend.Spacing.month
        let metric = try fields.choice("maat", label: "De maat") ?? Trend.Metric.count
        let breakdown: PupilCount.Breakdown? = try fields.choice("per", label: "De uitsplitsing")
        let knownAt = try fields.day("bekend-op", label: "‘Zoals bekend op’")
        let answer = try app.session.trend(
            TrendRequest(from: from, to: to, every: every, metric: metric, breakdown: breakdown, knownAt: knownAt, revisionsOfTotal: true))
        return Page(
            section: .trend, title: "Trend",
            body: """
                <form method="get" action="/trend" class="filters">
                <label for="van">Van</label><input type="date" id="van" name="van" value="\(from.iso)" required>
                <label for="tot">Tot en met</label><input type="date" id="tot" name="tot" value="\(to.iso)" required>
                <label for="elke">Elke</label>\(HTML.select("elke", [("month", "maand"), ("teldatum", "teldatum")], selected: every.rawValue))
                <label for="maat">Maat</label>\(HTML.select("maat", Trend.Metric.allCases.map { ($0.rawValue, TrendHTML.title(of: $0)) }, selected: metric.rawValue))
                <label for="per">Uitsplitsing</label>\(HTML.select("per", Dutch.breakdownOptions, selected: breakdown?.rawValue))
                <label for="bekend-op">Zoals bekend op</label><input type="date" id="bekend-op" name="bekend-op" value="\(knownAt?.iso ?? "")">
                <button type="submit">Toon</button>
                </form>
                <div class="report">\(HTML(trusted: TrendHTML.content(answer.report)))</div>
                """)
    }
}
