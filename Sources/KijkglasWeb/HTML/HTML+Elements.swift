extension HTML {
    /// A table with a header row; cells of the columns in `numeric` are right-aligned.
    static func table(header: [String], rows: [[HTML]], numeric: Set<Int> = []) -> HTML {
        func align(_ index: Int) -> HTML { numeric.contains(index) ? " class=\"num\"" : "" }
        let head = header.enumerated().map { index, title -> HTML in "<th\(align(index))>\(title)</th>" }
        let body = rows.map { row -> HTML in
            "<tr>\(row.enumerated().map { index, cell -> HTML in "<td\(align(index))>\(cell)</td>" })</tr>\n"
        }
        if rows.isEmpty { return "<p class=\"empty\">Niets te tonen.</p>" }
        return "<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(body)</tbody>\n</table>\n"
    }

    /// Text as a cell.
    static func text(_ text: String) -> HTML { "\(text)" }

    /// A number as a cell.
    static func number(_ value: Int) -> HTML { "\(value)" }

    /// A `<select>` named `name` (its id `id`, else its name) offering `options` (value, label),
    /// `selected` chosen.
    static func select(_ name: String, id: String? = nil, _ options: [(value: String, label: String)], selected: String?) -> HTML {
        let items = options.map { option -> HTML in
            "<option value=\"\(option.value)\"\(option.value == selected ? " selected" : "")>\(option.label)</option>"
        }
        return "<select name=\"\(name)\" id=\"\(id ?? name)\">\(items)</select>"
    }

    /// The hidden field that carries the server's CSRF token in a form that changes something.
    static func csrfField(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(token)\">"
    }
}

extension HTML {
    /// The per-page button that shows the PGNs of this page, once, by posting to the page itself
    /// (so no PGN and no "show" switch ever stands in a URL); `action` is the page's URL.
    static func showPGNButton(action: String, csrf: String, shown: Bool) -> HTML {
        if shown { return "<p class=\"warning\">De PGN's op deze pagina worden getoond. Laad de pagina opnieuw om ze weer te maskeren.</p>" }
        return """
            <form method="post" action="\(action)" class="inline">\(csrfField(csrf))<input type="hidden" name="pgn" value="toon">\
            <button type="submit">Toon PGN's op deze pagina</button></form>
            """
    }

    /// A message box.
    static func notice(_ text: String, kind: String = "info") -> HTML {
        "<p class=\"notice \(kind)\">\(text)</p>"
    }
}
