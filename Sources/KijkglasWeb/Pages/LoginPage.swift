import Hummingbird

/// The login: the access token the server printed, from the URL it printed or typed into the
/// form, exchanged for an HttpOnly, SameSite=Strict session cookie.
enum LoginPage {
    /// Adds `GET /login` (with `?token=` from the printed URL, or the form) and `POST /login`.
    static func add(to router: Router<BasicRequestContext>, app: WebApp) {
        router.get("login") { request, _ in
            login(offered: request.uri.queryParameters.get("token"), app: app)
        }
        router.post("login") { request, _ in
            let body = try await request.body.collect(upTo: 4096)
            return login(offered: FormFields.parse(String(buffer: body))["token"], app: app)
        }
    }

    /// The session cookie and a redirect to the overview for the right token; the form again,
    /// 401, for a wrong one; the form for none.
    private static func login(offered: String?, app: WebApp) -> Response {
        guard let offered, !offered.isEmpty else { return form(status: .ok, message: nil) }
        guard WebSecrets.matches(offered, app.secrets.accessToken) else {
            return form(status: .unauthorized, message: "Dit toegangsteken klopt niet. Gebruik de link die de server bij het starten toonde.")
        }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(Cookie(name: WebSecrets.cookieName, value: app.secrets.sessionValue, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    private static func form(status: HTTPResponse.Status, message: String?) -> Response {
        Page(
            section: nil, title: "Inloggen",
            body: """
                \(message.map { HTML.notice($0, kind: "warning") } ?? "")
                <p>Open de link die <code>kijkglas serve</code> bij het starten toonde, of plak het toegangsteken hieronder.</p>
                <form method="post" action="/login"><label for="token">Toegangsteken</label> \
                <input type="password" id="token" name="token" autocomplete="off" required> <button type="submit">Inloggen</button></form>
                """,
            status: status
        ).response
    }
}
