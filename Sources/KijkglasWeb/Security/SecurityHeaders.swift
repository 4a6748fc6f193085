import HTTPTypes

/// The headers every response carries.
enum SecurityHeaders {
    /// The policy: nothing by default; this server's own style sheet, script and images; forms
    /// posted to this server only; no frames, no base URL. SVG inline in the page needs nothing
    /// more.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Each header and its value.
    static let fields: [(HTTPField.Name, String)] = {
        var fields: [(HTTPField.Name, String)] = [
            (.contentSecurityPolicy, contentSecurityPolicy), (.xContentTypeOptions, "nosniff"), (.cacheControl, "no-store"),
        ]
        for (name, value) in [
            ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"), ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
        ] {
            if let name = HTTPField.Name(name) { fields.append((name, value)) }
        }
        return fields
    }()

    /// `Sec-Fetch-Site`: where the browser says a request comes from.
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")
}
