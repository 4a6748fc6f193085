import Foundation
import Hummingbird
import Ingest
import KijkglasKit
import Ledger
import Reports

/// The JSON API under `/api/v1/`: each route answers one of the command line's questions with
/// exactly the JSON that command prints (`Schemas/json/`); its query parameters are the
/// command's flags (`known-at`, `swv`, `by`, …); PGNs are always masked.
enum APIRoutes {
    /// Adds the routes to `router`.
    static func add(to router: Router<BasicRequestContext>, app: WebApp) {
        let api = router.group("api/v1")
        api.get("count") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                let request = CountRequest(
                    on: try fields.required(fields.day("on", label: "on"), "on"), knownAt: try fields.day("known-at", label: "known-at"),
                    swv: try fields.answering(), everyValidRow: fields.flag("all"), breakdown: try fields.choice("by", label: "by"),
                    everyPayer: fields.flag("every-payer"), ownSchoolYearOnly: fields.flag("own-school-year-only"))
                return try app.session.count(request).report(everyValidRow: request.everyValidRow, everyPayer: request.everyPayer, showPGN: false).json
            }
        }
        api.get("growth") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                let request = GrowthRequest(
                    peildatum: try fields.required(fields.day("peildatum", label: "peildatum"), "peildatum"),
                    knownAt: try fields.day("known-at", label: "known-at"), swv: try fields.answering(),
                    ownSchoolYearOnly: fields.flag("own-school-year-only"))
                return try app.session.growth(request).report(perPupil: fields.flag("per-pupil"), showPGN: false).json
            }
        }
        api.get("funding") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                guard let text = fields["year"], let year = FundingYear(text: text) else {
                    throw KijkglasError(.usage, "year: give a funding year like 2021-2022 or 2023")
                }
                let request = FundingRequest(
                    year: year, knownAt: try fields.day("known-at", label: "known-at"), swv: try fields.answering(),
                    ownSchoolYearOnly: fields.flag("own-school-year-only"))
                return try app.session.funding(request).report.json
            }
        }
        api.get("revisions") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                let days = try (fields["on"] ?? "").split(separator: ",").map { text throws(KijkglasError) -> Day in
                    guard let day = DateText.day(text) else { throw KijkglasError(.usage, "on: ‘\(text)’ is not a date") }
                    return day
                }
                let metric: RevisionsRequest.Metric
                switch fields["metric"] ?? "count" {
                case "count": metric = .count(on: days)
                case "growth": metric = .growth(peildata: days)
                case "funding":
                    guard let text = fields["year"], let year = FundingYear(text: text) else { throw KijkglasError(.usage, "metric=funding takes year") }
                    metric = .funding(year)
                default: throw KijkglasError(.usage, "metric: count, growth or funding")
                }
                if case .funding = metric {} else if days.isEmpty { throw KijkglasError(.usage, "on: give one or more dates, comma-separated") }
                let request = RevisionsRequest(metric: metric, swv: try fields.answering(), ownSchoolYearOnly: fields.flag("own-school-year-only"))
                return try app.session.revisions(request).report.json
            }
        }
        api.get("trend") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                let request = TrendRequest(
                    from: try fields.required(fields.day("from", label: "from"), "from"), to: try fields.required(fields.day("to", label: "to"), "to"),
                    every: try fields.choice("every", label: "every") ?? .month, metric: try fields.choice("metric", label: "metric") ?? .count,
                    breakdown: try fields.choice("by", label: "by"), knownAt: try fields.day("known-at", label: "known-at"), swv: try fields.answering(),
                    ownSchoolYearOnly: fields.flag("own-school-year-only"))
                return try app.session.trend(request).report.json
            }
        }
        api.get("diff") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                let from = try fields.required(fields.release("from", label: "from"), "from")
                let to = try fields.required(fields.release("to", label: "to"), "to")
                return try app.session.diff(DiffRequest(from: from, to: to)).report.json
            }
        }
        api.get("reconcile") { request, _ in
            try answer(request, app: app) { fields throws(KijkglasError) in
                let release = try fields.required(fields.release("release", label: "release"), "release")
                return try app.session.reconcile(ReconcileRequest(release: release)).report(showPGN: false).json
            }
        }
        api.get("releases") { request, _ in
            try answer(request, app: app) { _ throws(KijkglasError) in
                let answer = try app.session.releases()
                return ReleaseListing.json(answer.releases, lifecycles: answer.lifecycles, previousYear: answer.previousYear)
            }
        }
        api.get("log") { request, _ in
            try answer(request, app: app, contentType: "application/x-ndjson; charset=utf-8") { fields throws(KijkglasError) in
                var pupil: PGN?
                if let text = fields["pupil"] {
                    guard text.hasPrefix("#"), let number = PGN(digits: text) else {
                        throw KijkglasError(.usage, "pupil: give a pupil number like #17 (a PGN never goes in a URL)")
                    }
                    pupil = number
                }
                var kind: Event.Kind?
                if let text = fields["kind"] {
                    guard let named = Event.Kind(name: text) else {
                        throw KijkglasError(.usage, "kind: one of \(Event.Kind.allCases.map(\.name).joined(separator: ", "))")
                    }
                    kind = named
                }
                let request = LogRequest(
                    since: UInt64(try fields.number("since", label: "since", minimum: 1) ?? 1), release: try fields.release("release", label: "release"),
                    pupil: pupil, kind: kind, correctionsOnly: fields.flag("corrections-only"),
                    limit: try fields.number("limit", label: "limit", minimum: 1) ?? APIRoutes.logLimit)
                var lines: [String] = []
                try app.session.log(request) { sequence, event in lines.append(EventJSON(event, sequence: sequence).jsonLine) }
                return lines.joined(separator: "\n")
            }
        }
        api.get("digest") { request, _ in
            try answer(request, app: app, cached: false) { fields throws(KijkglasError) in
                let subscriber = fields["subscriber"] ?? WebApp.subscriber
                return DigestReport(try app.session.digest(DigestRequest(subscriber: subscriber)).digest).json
            }
        }
        api.get("**") { _, _ -> Response in
            throw APIFailure(status: .notFound, kind: "notFound", message: "no such route; see the README's JSON API")
        }
    }

    /// The events `/api/v1/log` returns when the request sets no `limit`: a page, continued with
    /// `since` one past the last sequence.
    static let logLimit = 10_000

    /// What `body` makes of the request's query, as `contentType` (kept in the cache while the
    /// ledger is unchanged, when `cached`), or the library's failure as JSON.
    private static func answer(
        _ request: Request, app: WebApp, cached: Bool = true, contentType: String = "application/json; charset=utf-8",
        _ body: (FormFields) throws(KijkglasError) -> String
    ) throws -> Response {
        let fields = FormFields(values: FormFields.parse(request.uri.query ?? ""), posted: false)
        func json() throws(KijkglasError) -> ResponseCache.Stored {
            ResponseCache.Stored(status: .ok, contentType: contentType, text: try body(fields) + "\n")
        }
        do throws(KijkglasError) {
            guard cached, let version = app.version else { return try json().response }
            return try app.cache.response(for: request.uri.description, version: version, json)
        } catch {
            throw APIFailure(error)
        }
    }
}

extension FormFields {
    /// Whether the flag `name` is set: `true`, `1`, `yes` or present without a value.
    func flag(_ name: String) -> Bool {
        guard let value = values[name] else { return false }
        return ["", "true", "1", "yes"].contains(value.lowercased())
    }

    /// `value`, or a usage failure saying `name` is missing.
    func required<Value>(_ value: Value?, _ name: String) throws(KijkglasError) -> Value {
        guard let value else { throw KijkglasError(.usage, "\(name) is missing") }
        return value
    }

    /// Whose releases answer, as `swv` says.
    func answering() throws(KijkglasError) -> AnsweringSWV {
        guard let answering = AnsweringSWV(text: self["swv"]) else { throw KijkglasError(.usage, "swv: ‘\(self["swv"] ?? "")’ is not an SWV code") }
        return answering
    }
}
