import Foundation
import Hummingbird

/// The fields of a request: its query, and for a POST the URL-encoded form, which must carry the
/// server's CSRF token (`csrf`).
struct FormFields: Sendable {
    /// Each field's value; a field given twice keeps its last value.
    let values: [String: String]
    /// Whether the request posted a form.
    let posted: Bool

    /// The value of `name`, nil when absent or empty.
    subscript(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the checkbox or button `name` was sent.
    func isOn(_ name: String) -> Bool { self[name] != nil }

    /// The query of `request` and, for a POST, its form: refused (403) without the CSRF token.
    static func read(_ request: Request, app: WebApp) async throws -> FormFields {
        var values = parse(request.uri.query ?? "")
        guard request.method == .post else { return FormFields(values: values, posted: false) }
        let body = try await request.body.collect(upTo: app.uploadLimit)
        values.merge(parse(String(buffer: body))) { _, posted in posted }
        let fields = FormFields(values: values, posted: true)
        try fields.requireCSRF(app.secrets)
        return fields
    }

    /// Refuses (403) a form without the server's CSRF token.
    func requireCSRF(_ secrets: WebSecrets) throws {
        guard WebSecrets.matches(values["csrf"], secrets.csrfToken) else {
            throw HTTPError(.forbidden, message: "refused: the form does not carry this server's token; reload the page")
        }
    }

    /// `a=1&b=x+y` as fields, percent-decoded, `+` a space.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { continue }
            values[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return values
    }

    /// The query of a link with `values`, empty ones left out.
    static func query(_ values: [(String, String?)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;")
        let parts = values.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
