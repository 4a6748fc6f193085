import Hummingbird

/// A page of the web app: its place in the navigation, its title and body, laid out with the
/// navigation and the style sheet.
struct Page {
    /// The sections of the navigation, in its order.
    enum Section: String, CaseIterable {
        case overview = "/"
        case releases = "/releases"
        case diff = "/veranderd"
        case timeTravel = "/tijdreis"
        case trend = "/trend"
        case reconcile = "/controle"
        case upload = "/bestand"

        /// The link text.
        var title: String {
            switch self {
            case .overview: "Overzicht"
            case .releases: "Releases"
            case .diff: "Wat is er veranderd"
            case .timeTravel: "Tijdreis"
            case .trend: "Trend"
            case .reconcile: "Controle DUO-cijfers"
            case .upload: "Bestand toevoegen"
            }
        }
    }

    /// The section the page belongs to; nil for the login page, which has no navigation.
    var section: Section?
    /// The page's heading and title.
    var title: String
    /// The content.
    var body: HTML
    /// The status of the response.
    var status: HTTPResponse.Status = .ok
    /// Seconds after which the browser reloads the page (a running ingest), if any.
    var refresh: Int?

    /// The whole document.
    var document: HTML {
        let navigation = section.map { current -> HTML in
            let links = Section.allCases.map { item -> HTML in
                "<li><a href=\"\(item.rawValue)\"\(item == current ? " aria-current=\"page\"" : "")>\(item.title)</a></li>"
            }
            return "<nav aria-label=\"Hoofdmenu\"><span class=\"brand\">Kijkglas</span><ul>\(links)</ul></nav>\n"
        } ?? ""
        let reload: HTML = refresh.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(reload)<title>\(title) — Kijkglas</title>
            <link rel="stylesheet" href="/static/app.css">
            <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
            </head>
            <body>
            \(navigation)<main>
            <h1>\(title)</h1>
            \(body)
            </main>
            <footer>kijkglas — lokaal; persoonsgebonden nummers zijn gemaskeerd tenzij u ze per pagina toont.</footer>
            </body>
            </html>

            """
    }

    /// The response as the cache keeps it.
    var stored: ResponseCache.Stored {
        ResponseCache.Stored(status: status, contentType: "text/html; charset=utf-8", text: document.markup)
    }

    /// The response.
    var response: Response { stored.response }
}
