import HTTPTypes
import Hummingbird

/// Refuses a request that changes something (any method but GET and HEAD) when the browser says
/// it comes from another site: `Sec-Fetch-Site` other than `same-origin` or `none`, or an `Origin`
/// other than this server's. The CSRF token of the form is checked as the form is read
/// (`FormFields`), so a client that sends neither header still needs it.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        if let name = SecurityHeaders.fetchSite, let site = request.headers[name], site != "same-origin", site != "none" {
            throw HTTPError(.forbidden, message: "refused: a request from another site")
        }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard origin == "http://\(host)" || origin == "https://\(host)" else {
                throw HTTPError(.forbidden, message: "refused: a request from another origin")
            }
        }
        return try await next(request, context)
    }
}
