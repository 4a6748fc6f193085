import Foundation
import Hummingbird
import KijkglasKit

/// A failure of the JSON API, answered as `{"error": {"kind": …, "message": …}}` with its status.
struct APIFailure: HTTPResponseError {
    /// The status.
    let status: HTTPResponse.Status
    /// `usage`, `badData`, `storage`, `checkFailed`, `unauthorized` or `notFound`.
    let kind: String
    /// What went wrong, with the fix where there is one.
    let message: String
    /// The problems of a file read, one a line, each naming its place.
    var problems: [String] = []

    /// The failure of the library's `error`, its terms named as query parameters.
    init(_ error: KijkglasError) {
        status = error.kind.httpStatus
        kind = error.kind.name
        message = error.text(naming: \.parameter)
        problems = error.input?.problems.map(\.description) ?? []
    }

    /// A failure of `status`.
    init(status: HTTPResponse.Status, kind: String, message: String) {
        self.status = status
        self.kind = kind
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(APIErrorDocument(error: .init(kind: kind, message: message, problems: problems)))) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The JSON of an `APIFailure`.
private struct APIErrorDocument: Encodable {
    struct Detail: Encodable {
        var kind: String
        var message: String
        var problems: [String]
    }

    var error: Detail
}
