import Ledger

/// The HTML report `trend --html` writes: one self-contained Dutch page (no scripts, external
/// fonts, styles or links) with inline SVG charts of the series per category, of the series as
/// known after each release, and of the corrections per release, each with its table.
public enum TrendHTML {
    /// The page for `report`.
    public static func render(_ report: TrendReport) -> String {
        let metricTitle = title(of: report.trend.metric)
        let period = period(of: report.trend)
        let body = content(report)
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Kijkglas — \(HTMLText.escape(metricTitle)), \(period)</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)<footer>Gemaakt met kijkglas. Persoonsgebonden nummers komen in dit rapport niet voor.</footer>
            </body>
            </html>

            """
    }

    /// The page's content without the document around it, for a page that has its own: a
    /// header naming the period, knowledge and releases, then each section with its chart and
    /// table.
    public static func content(_ report: TrendReport) -> String {
        let trend = report.trend
        let metricTitle = title(of: trend.metric)
        let period = period(of: trend)
        let knownAt = report.context.knownAt.map(\.dutch) ?? "vandaag"
        var body = """
            <header>
            <h1>Kijkglas — \(HTMLText.escape(metricTitle))</h1>
            <dl>
            <dt>Periode</dt><dd>\(period)</dd>
            <dt>Stand van kennis</dt><dd>\(knownAt)</dd>
            <dt>Releases</dt><dd>\(HTMLText.escape(releaseList(report.context)))</dd>
            <dt>Telling</dt><dd>\(report.context.selection == "all" ? "alle geldige regels" : "volgens de telregels")\(report.context.swv.map { ", TLV's van \(HTMLText.escape($0))" } ?? "")</dd>
            \(fallbackItems(report.context))\(ratesItems(report))</dl>
            </header>

            """
        body += seriesSection(report, metricTitle: metricTitle)
        if let revisions = report.revisions { body += revisionsSection(revisions, report: report, metricTitle: metricTitle) }
        body += correctionsSection(report.corrections)
        return body
    }

    /// `1 oktober 2021 t/m 1 juli 2022`: the trend's first and last day.
    private static func period(of trend: Trend) -> String {
        let days = trend.points.map(\.day)
        return days.first.map { first in "\(first.dutch) t/m \(days.last?.dutch ?? first.dutch)" } ?? "-"
    }

    /// `Aantal leerlingen`, `Groei sinds 1 oktober` or `Aftrek van het SWV-budget`.
    public static func title(of metric: Trend.Metric) -> String {
        switch metric {
        case .count: "Aantal leerlingen"
        case .growth: "Groei sinds 1 oktober"
        case .funding: "Aftrek van het SWV-budget"
        }
    }

    /// The y axis of a chart of `metric`: its title, for funding in thousands of euros.
    private static func axisLabel(of metric: Trend.Metric) -> String {
        metric == .funding ? "× € 1.000 per bekostigingsjaar" : title(of: metric)
    }

    /// A value as the tables show it: pupils, or euros (`€ 9.059,77`).
    private static func cell(_ value: Int, _ metric: Trend.Metric) -> String {
        metric == .funding ? DutchFormat.euro(Money(cents: value)) : DutchFormat.number(value)
    }

    /// A value as the charts plot it: pupils, or thousands of euros (so the axis labels fit).
    private static func plotted(_ value: Int, _ metric: Trend.Metric) -> Int {
        metric == .funding ? (value >= 0 ? value + 50_000 : value - 50_000) / 100_000 : value
    }

    /// `Tarieven` items of the header: per funding year the version used and its source.
    private static func ratesItems(_ report: TrendReport) -> String {
        report.rateVersions.map { year, version in
            "<dt>Tarieven \(year)</dt><dd>gepubliceerd op \(version.published.dutch): \(HTMLText.escape(version.source))</dd>\n"
        }.joined()
    }

    private static func seriesSection(_ report: TrendReport, metricTitle: String) -> String {
        let trend = report.trend
        let metric = trend.metric
        let funding = metric == .funding
        let labels = trend.points.map(\.day.dutch)
        var series = [SVGChart.Series(label: "Totaal", values: trend.points.map { $0.total.map { plotted($0, metric) } }, color: "#000000")]
        for (index, label) in trend.groupLabels.enumerated() {
            let style = SVGChart.style(at: index)
            series.append(
                SVGChart.Series(
                    label: groupName(label, trend.breakdown),
                    values: trend.points.map { $0.total == nil ? nil : plotted($0.groups[label] ?? 0, metric) },
                    color: style.color, dash: style.dash))
        }
        let chartTitle = trend.breakdown.map { "\(metricTitle) \(breakdownName($0))" } ?? metricTitle
        let header = ["Peildatum"] + (funding ? ["Bekostigingsjaar"] : []) + ["Totaal"]
            + trend.groupLabels.map { groupName($0, trend.breakdown) } + (funding ? ["Opmerking"] : [])
        let rows = trend.points.map { point in
            [point.day.dutch] + (funding ? [point.fundingYear?.description ?? "–"] : [])
                + [point.total.map { cell($0, metric) } ?? "–"]
                + trend.groupLabels.map { point.total == nil ? "–" : cell(point.groups[$0] ?? 0, metric) }
                + (funding ? [point.missing.map(shortReason) ?? ""] : [])
        }
        let firstNumber = funding ? 2 : 1
        return """
            <section>
            <h2>\(HTMLText.escape(chartTitle))</h2>
            \(SVGChart.lines(title: chartTitle, yLabel: axisLabel(of: metric), xLabels: labels, series: series))
            \(table(header: header, rows: rows, numeric: Set(firstNumber..<(firstNumber + 1 + trend.groupLabels.count))))
            \(notes(report))</section>

            """
    }

    private static func revisionsSection(_ revisions: Revisions, report: TrendReport, metricTitle: String) -> String {
        guard !revisions.rows.isEmpty else { return "" }
        let metric = report.trend.metric
        let labels = revisions.days.map(\.dutch)
        let series = revisions.rows.enumerated().map { index, row in
            let style = SVGChart.style(at: index)
            return SVGChart.Series(
                label: "Bekend op \(row.point.day.dutch) (\(event(row.point)))", values: row.values.map { $0.map { plotted($0, metric) } },
                color: style.color, dash: style.dash)
        }
        let column = revisions.days.indices.last { index in revisions.rows.contains { $0.values[index] != nil } }
        var tableHTML = ""
        if let column {
            let day = revisions.days[column]
            let rows = revisions.rows.map { row in
                [
                    row.point.day.dutch, event(row.point), row.values[column].map { cell($0, metric) } ?? "–",
                    row.revisions[column].map { ($0 > 0 ? "+" : "") + cell($0, metric) } ?? "",
                ]
            }
            tableHTML = "<h3>Waarde voor \(day.dutch) per release</h3>\n"
                + table(header: ["Bekend op", "Release", metricTitle, "Herziening"], rows: rows, numeric: [2, 3])
        }
        return """
            <section>
            <h2>Herzieningen per release</h2>
            <p>De reeks zoals die bekend was na elke publicatie of intrekking: waar de lijnen uiteenlopen heeft DUO een eerder gemelde waarde herzien.\(metric == .funding ? " Elke stand is berekend met de tarieven van de reeks hierboven, zodat alleen herzieningen van DUO's gegevens zichtbaar worden." : "")</p>
            \(SVGChart.lines(title: "\(metricTitle) zoals bekend na elke release", yLabel: axisLabel(of: metric), xLabels: labels, series: series, fromZero: false))
            \(tableHTML)
            </section>

            """
    }

    private static func correctionsSection(_ corrections: [TrendReport.ReleaseCorrections]) -> String {
        let labels = corrections.map { "\($0.release.id) (\($0.release.publishedOn.dutch))" }
        let flagged = Set(corrections.indices.filter { corrections[$0].isCorrectedRelease || corrections[$0].withdrawnOn != nil })
        let rows = corrections.map { item -> [String] in
            var notes: [String] = []
            if item.isCorrectedRelease { notes.append("Gecorrigeerde release") }
            if let withdrawn = item.withdrawnOn { notes.append("Ingetrokken op \(withdrawn.dutch)") }
            return [
                item.release.id.description, item.release.scope.description, item.release.publishedOn.dutch,
                DutchFormat.number(item.events), DutchFormat.number(item.corrections), notes.joined(separator: "; "),
            ]
        }
        let chart = corrections.isEmpty
            ? "<p>Geen releases.</p>"
            : SVGChart.bars(title: "Correcties per release", yLabel: "Correcties", labels: labels, values: corrections.map(\.corrections), highlighted: flagged)
        return """
            <section>
            <h2>Correcties per release</h2>
            <p>Gebeurtenissen die het verleden herschrijven (vóór de publicatie van de vorige release). Rood: gecorrigeerde of ingetrokken release.</p>
            \(chart)
            \(table(header: ["Release", "Bereik", "Gepubliceerd", "Gebeurtenissen", "Correcties", "Opmerking"], rows: rows, numeric: [3, 4]))
            </section>

            """
    }

    private static func table(header: [String], rows: [[String]], numeric: Set<Int>) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { index, cell in
                "<\(tag)\(numeric.contains(index) ? " class=\"num\"" : "")>\(HTMLText.escape(cell))</\(tag)>"
            }.joined()
        }
        return "<table>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
            + rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// A group's name: `L` → `Laag (L)`, `-` → `Zonder categorie`; other labels as they are.
    private static func groupName(_ label: String, _ breakdown: PupilCount.Breakdown?) -> String {
        switch (breakdown, label) {
        case (.category?, FundingCategory.low.rawValue): "Laag (L)"
        case (.category?, FundingCategory.medium.rawValue): "Midden (M)"
        case (.category?, FundingCategory.high.rawValue): "Hoog (H)"
        case (.category?, _): "Zonder categorie"
        case (_, "-"): "Onbekend"
        default: label
        }
    }

    /// `per categorie`, `per schoolsoort`, ….
    private static func breakdownName(_ breakdown: PupilCount.Breakdown) -> String {
        switch breakdown {
        case .category: "per categorie"
        case .school: "per school (instelling/vestiging)"
        case .schooltype: "per schoolsoort"
        case .funded: "naar bekostiging"
        case .payingswv: "per SWV dat de TLV afgaf"
        }
    }

    /// The cell of a funding point without a value.
    private static func shortReason(_ missing: Trend.Missing) -> String {
        switch missing {
        case .data: "geen gegevens"
        case .noRegime: "geen regime"
        case .noRateTable: "geen tarieven"
        case .ratesNotYetPublished: "nog geen tarieven"
        }
    }

    /// The notes under a funding series: why points have no value, and pupils left unpriced.
    private static func notes(_ report: TrendReport) -> String {
        var items = report.gaps.map { gap -> String in
            let year = gap.fundingYear?.description ?? ""
            let explanation: String
            switch gap.missing {
            case .data:
                explanation = "de aftrek voor \(year) wordt geteld op \(gap.countedOn.map(\.dutch).joined(separator: ", ")); geen geldende release dekt die dagen."
            case .noRegime:
                explanation = "geen bekostigingsregime in Schemas/rules/funding.json dekt deze datum."
            case .noRateTable(let year):
                explanation = "geen tarieventabel voor \(year): voeg Schemas/rates/\(year.rateFileName) toe (zie Schemas/rates/README.md)."
            case .ratesNotYetPublished(let year, let first):
                explanation = "de tarieven voor \(year) zijn pas op \(first.dutch) gepubliceerd, na de stand van kennis."
            }
            return "<li><strong>\(shortReason(gap.missing))</strong>: \(HTMLText.escape(explanation))</li>"
        }
        items += report.unpriced.map { year, pupils in
            "<li><strong>niet geprijsd</strong>: \(DutchFormat.number(pupils)) leerling(en) zonder categorie of tarief in \(year) tellen niet mee.</li>"
        }
        return items.isEmpty ? "" : "<ul class=\"notes\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }

    /// `R3` or `R3; ingetrokken R2`: what happened at a point of knowledge.
    public static func event(_ point: LoadedReleases.KnowledgePoint) -> String {
        var parts: [String] = []
        if !point.published.isEmpty { parts.append(point.published.map(\.description).joined(separator: ", ")) }
        if !point.withdrawn.isEmpty { parts.append("ingetrokken " + point.withdrawn.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// One `Let op` item per school year answered from the year before.
    private static func fallbackItems(_ context: ProjectionContext) -> String {
        let known = context.knownAt.map { "bekend op \($0.dutch)" } ?? "nu bekend"
        return context.fallbacks.map { fallback in
            let text = "geen registratiebestand van \(context.answeringSwv ?? "het SWV") voor \(fallback.schoolYear) \(known); "
                + "beantwoord uit de inschrijvingen van \(fallback.answeredFrom) (\(fallback.releases.joined(separator: ", ")))"
            return "<dt>Let op</dt><dd>\(HTMLText.escape(text))</dd>\n"
        }.joined()
    }

    /// `R1, R3` from a context's release descriptions.
    private static func releaseList(_ context: ProjectionContext) -> String {
        let ids = context.releases.map { String($0.prefix { $0 != " " }) }
        return ids.isEmpty ? "geen" : ids.joined(separator: ", ")
    }

    private static let style = """
        body { font-family: system-ui, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #ffffff; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; margin: 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
        th, td { border: 1px solid #bfbfbf; padding: 0.25rem 0.6rem; text-align: left; }
        th { background: #eef3f8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        svg { display: block; margin: 0.5rem 0; }
        svg text { font-family: inherit; fill: #1a1a1a; }
        svg .chart-title { font-size: 16px; font-weight: 600; }
        svg .tick, svg .value { font-size: 12px; }
        svg .axis, svg .legend { font-size: 13px; }
        footer { margin-top: 2rem; font-size: 0.85rem; color: #595959; }
        @media print {
          body { margin: 0; max-width: none; }
          section { break-inside: avoid; page-break-inside: avoid; }
          th { background: none; }
        }
        """
}
