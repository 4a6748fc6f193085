import Hummingbird
import KijkglasKit

/// The routes of the web app: the login, the pages (each by GET, and by POST where a page shows
/// PGNs or changes something), the static style sheet and script, and the JSON API.
enum WebRoutes {
    /// The router with every route and the middleware in front of them.
    static func router(_ app: WebApp) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AccessMiddleware(secrets: app.secrets))
        router.add(middleware: SameOriginMiddleware())

        router.get("static/app.css") { _, _ in asset(StaticFiles.css, type: "text/css; charset=utf-8") }
        router.get("static/icon.svg") { _, _ in asset(StaticFiles.icon, type: "image/svg+xml") }
        router.get("static/upload.js") { _, _ in asset(StaticFiles.uploadScript, type: "text/javascript; charset=utf-8") }
        LoginPage.add(to: router, app: app)

        page(router, "/", section: .overview, app: app, OverviewPage.page)
        page(router, "releases", section: .releases, app: app, ReleasesPage.page)
        page(router, "veranderd", section: .diff, app: app, DiffPage.page)
        page(router, "tijdreis", section: .timeTravel, app: app, TimeTravelPage.page)
        page(router, "trend", section: .trend, app: app, TrendPage.page)
        page(router, "controle", section: .reconcile, app: app, ReconcilePage.page)
        router.get("bestand") { _, _ in UploadPage.page(app).response }

        router.post("gezien") { request, _ in
            try await respond(request, section: .overview, app: app) { fields throws(KijkglasError) in
                try OverviewPage.markSeen(app, fields)
                return Response.redirect(to: "/", type: .normal)
            }
        }
        router.post("releases/intrekken") { request, _ in
            try await respond(request, section: .releases, app: app) { fields throws(KijkglasError) in
                try ReleasesPage.change(app, fields, withdraw: true).response
            }
        }
        router.post("releases/definitief") { request, _ in
            try await respond(request, section: .releases, app: app) { fields throws(KijkglasError) in
                try ReleasesPage.change(app, fields, withdraw: false).response
            }
        }
        router.get("veranderd.csv") { request, _ in
            let fields = FormFields(values: FormFields.parse(request.uri.query ?? ""), posted: false)
            do throws(KijkglasError) {
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"verschillen.csv\""],
                    body: .init(byteBuffer: ByteBuffer(string: try DiffPage.csv(app, fields) + "\n")))
            } catch {
                return failurePage(error, section: .diff).response
            }
        }
        router.post("bestand") { request, _ in
            let form = try await MultipartForm.read(request, limit: app.uploadLimit)
            try FormFields(values: form.fields, posted: true).requireCSRF(app.secrets)
            do throws(KijkglasError) {
                return try UploadPage.inspect(app, form).response
            } catch {
                return failurePage(error, section: .upload).response
            }
        }
        router.post("bestand/opnemen") { request, _ in
            try await respond(request, section: .upload, app: app) { fields throws(KijkglasError) in
                let id = try UploadPage.ingest(app, fields)
                return Response.redirect(to: "/bestand/voortgang\(FormFields.query([("taak", id)]))", type: .normal)
            }
        }
        router.post("bestand/annuleren") { request, _ in
            let fields = try await FormFields.read(request, app: app)
            if let id = fields["upload"] { app.uploads.discard(id) }
            return Response.redirect(to: "/bestand", type: .normal)
        }
        router.get("bestand/voortgang") { request, _ in
            try await respond(request, section: .upload, app: app) { fields throws(KijkglasError) in try UploadPage.progress(app, fields).response }
        }

        APIRoutes.add(to: router, app: app)
        return router
    }

    /// A page at `path`, by GET (kept in the cache while the ledger is unchanged, but for the
    /// overview, which shows the web app's cursor) and by POST, which shows its PGNs.
    private static func page(
        _ router: Router<BasicRequestContext>, _ path: RouterPath, section: Page.Section, app: WebApp,
        _ build: @escaping @Sendable (WebApp, FormFields) throws(KijkglasError) -> Page
    ) {
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            if request.method == .get, section != .overview, let version = app.version {
                let fields = try await FormFields.read(request, app: app)
                return app.cache.response(for: request.uri.description, version: version) { () -> ResponseCache.Stored in
                    do throws(KijkglasError) { return try build(app, fields).stored } catch { return failurePage(error, section: section).stored }
                }
            }
            return try await respond(request, section: section, app: app) { fields throws(KijkglasError) in try build(app, fields).response }
        }
        router.get(path, use: handler)
        router.post(path, use: handler)
    }

    /// The response `build` makes of the request's fields, or the library's failure as a page
    /// with the failure's status.
    private static func respond(
        _ request: Request, section: Page.Section, app: WebApp, _ build: (FormFields) throws(KijkglasError) -> Response
    ) async throws -> Response {
        let fields = try await FormFields.read(request, app: app)
        do {
            return try build(fields)
        } catch {
            return failurePage(error, section: section).response
        }
    }

    /// The page of a failure.
    private static func failurePage(_ error: KijkglasError, section: Page.Section) -> Page {
        Page(section: section, title: "Dat lukte niet", body: HTML.failure(error), status: error.kind.httpStatus)
    }

    /// A static asset from memory.
    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
