import HTTPTypes
import Hummingbird

/// Adds the headers that keep every page to itself, to every response, errors included: a
/// `Content-Security-Policy` that allows nothing from elsewhere (styles, the upload script and
/// forms from this server only, no frames), no MIME sniffing, no referrer, no caching.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for (name, value) in SecurityHeaders.fields { response.headers[name] = value }
        return response
    }
}
