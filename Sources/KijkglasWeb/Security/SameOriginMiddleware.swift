import HTTPTypes
import Hummingbird

/// Refuses a request that changes something (any method but GET and HEAD) when the browser says
/// it comes from elsewhere: `Sec-Fetch-Site` other than `same-origin` or `none`; without that
/// header, an `Origin` other than this server's (a browser sends `Origin: null` for a form posted
/// from a page with `Referrer-Policy: no-referrer`, so `null` counts only beside
/// `Sec-Fetch-Site: same-origin`). The form's CSRF token is checked as the form is read
/// (`FormFields`), so a client that sends neither header still needs it.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        if let name = SecurityHeaders.fetchSite, let site = request.headers[name] {
            guard site == "same-origin" || site == "none" else { throw HTTPError(.forbidden, message: "refused: a request from another site") }
        } else if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard origin == "http://\(host)" || origin == "https://\(host)" else {
                throw HTTPError(.forbidden, message: "refused: a request from another origin")
            }
        }
        return try await next(request, context)
    }
}
