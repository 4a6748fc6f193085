import Hummingbird

/// Lets a request through only with the session cookie (or, for the JSON API, the access token
/// as `Authorization: Bearer`); the login page and the static style sheet and script are open.
/// Without it the API answers 401 and a page redirects to the login page.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The server's secrets.
    let secrets: WebSecrets

    /// The paths open without logging in.
    static var openPaths: Set<String> { ["/login", "/static/app.css", "/static/upload.js", "/static/icon.svg"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.openPaths.contains(request.uri.path) || isAuthorised(request) {
            return try await next(request, context)
        }
        if request.uri.path.hasPrefix("/api/") {
            throw APIFailure(status: .unauthorized, kind: "unauthorized", message: "log in first: open the URL the server printed, or send Authorization: Bearer <token>")
        }
        return Response.redirect(to: "/login", type: .found)
    }

    /// Whether `request` carries the session cookie or the bearer token.
    func isAuthorised(_ request: Request) -> Bool {
        if WebSecrets.matches(request.cookies[WebSecrets.cookieName]?.value, secrets.sessionValue) { return true }
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else { return false }
        return WebSecrets.matches(String(authorization.dropFirst("Bearer ".count)), secrets.accessToken)
    }
}
