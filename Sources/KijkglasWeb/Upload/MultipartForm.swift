import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body read whole: its text fields and its one file.
struct MultipartForm {
    /// The text fields.
    var fields: [String: String] = [:]
    /// The file's name as the browser sent it.
    var fileName: String?
    /// The file's bytes.
    var file: [UInt8] = []

    /// Reads `request`'s body, at most `limit` bytes (more is 413); a body that is not
    /// multipart, or breaks off, is 400.
    static func read(_ request: Request, limit: Int) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.hasPrefix("boundary=") })?.dropFirst("boundary=".count)
        else { throw HTTPError(.badRequest, message: "expected a multipart/form-data upload") }
        let body = try await request.body.collect(upTo: limit)
        var form = MultipartForm()
        var headers: [String: String] = [:]
        var part: [UInt8] = []
        let parser = MultipartParser(boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in part += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let fileName = Self.parameter("filename", in: disposition) {
                    form.fileName = fileName
                    form.file = part
                } else {
                    form.fields[name] = String(decoding: part, as: UTF8.self)
                }
            }
            headers = [:]
            part = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "the upload is not a well-formed multipart form")
        }
        return form
    }

    /// The value of `name="…"` in a `Content-Disposition` header.
    static func parameter(_ name: String, in header: String) -> String? {
        for item in header.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == name else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
