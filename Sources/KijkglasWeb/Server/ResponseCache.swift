import Foundation
import Hummingbird

/// The responses of GET pages and API routes that show no subscriber's cursor, kept while the
/// ledger's log is unchanged (its event count, which any change by any process moves) and the
/// day is the same (an answer "as known today" is one of that day): a page is computed once
/// per change to the ledger, then served from memory. Only masked responses are kept (a GET
/// never shows PGNs); the cache lives in the server's memory only.
final class ResponseCache: @unchecked Sendable {
    /// A response as kept: status, content type and body.
    struct Stored: Sendable {
        /// The status.
        let status: HTTPResponse.Status
        /// The `Content-Type`.
        let contentType: String
        /// The body.
        let text: String

        /// The response.
        var response: Response {
            Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// How many responses are kept at most; when full, the cache starts over.
    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: (version: String, stored: Stored)] = [:]

    /// An empty cache of at most `capacity` responses.
    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The response for `key` kept at `version`, or the one `make` computes, then kept.
    func response<Failure: Error>(for key: String, version: String, _ make: () throws(Failure) -> Stored) throws(Failure) -> Response {
        try stored(for: key, version: version, make).response
    }

    /// What is kept for `key` at `version`, or what `make` computes, then kept.
    private func stored<Failure: Error>(for key: String, version: String, _ make: () throws(Failure) -> Stored) throws(Failure) -> Stored {
        if let entry = lock.withLock({ entries[key] }), entry.version == version { return entry.stored }
        let stored = try make()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (version, stored)
        }
        return stored
    }

    /// The text for `key` kept at `version` (a part of a page), or the one `make` computes, then
    /// kept.
    func text<Failure: Error>(for key: String, version: String, _ make: () throws(Failure) -> String) throws(Failure) -> String {
        try stored(for: key, version: version) { () throws(Failure) -> Stored in
            Stored(status: .ok, contentType: "text/html; charset=utf-8", text: try make())
        }.text
    }

    /// The version of `session`'s ledger today: its event count and the day.
    static func version(of count: UInt64) -> String {
        "\(count)@\(Int(Date().timeIntervalSince1970 / 86_400))"
    }
}
