import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// POSTs a JSON body to a webhook with a bounded number of tries and exponential backoff;
/// delivered means an HTTP 2xx answer.
public struct WebhookDelivery: Sendable {
    /// How a delivery ended.
    public enum Outcome: Sendable, Equatable {
        /// A 2xx answer on try `tries`.
        case delivered(status: Int, tries: Int)
        /// No 2xx answer in `tries` tries; `reason` says what the last try got.
        case failed(reason: String, tries: Int)
    }

    /// Where to post.
    public var url: URL
    /// Tries at most (at least 1).
    public var tries: Int
    /// The wait before the second try; each later wait doubles, up to `maximumDelay`.
    public var firstDelay: TimeInterval
    /// The longest wait between tries.
    public var maximumDelay: TimeInterval = 60
    /// Seconds a single request may take.
    public var timeout: TimeInterval
    /// Extra request headers.
    public var headers: [String: String] = [:]

    /// A delivery to `address`, which must be an http:// or https:// URL with a host (else a
    /// usage failure), trying at most `tries` times (1–20), waiting `firstDelay` seconds (at most
    /// 600) before the second try and `timeout` seconds (more than 0) for each.
    public init(address: String, tries: Int = 5, firstDelay: TimeInterval = 1, timeout: TimeInterval = 10) throws(KijkglasError) {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw KijkglasError(.usage, "\(KijkglasError.Term.webhook) wants an http:// or https:// URL with a host") }
        guard (1...20).contains(tries), (0...600).contains(firstDelay), timeout > 0 else {
            throw KijkglasError(.usage, "a webhook delivery tries 1–20 times, waits 0–600 s before its second try and more than 0 s for an answer")
        }
        self.url = url
        self.tries = tries
        self.firstDelay = firstDelay
        self.timeout = timeout
    }

    /// `https://host:port/path`, without credentials or query, which may hold secrets.
    public var shownURL: String {
        "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
    }

    /// Posts `body` until a 2xx answer or the tries run out.
    public func post(_ body: Data) -> Outcome {
        var delay = firstDelay
        var reason = "not tried"
        for attempt in 1...max(1, tries) {
            switch send(body) {
            case .answered(let status) where (200..<300).contains(status):
                return .delivered(status: status, tries: attempt)
            case .answered(let status):
                reason = "HTTP \(status)"
            case .unreachable(let why):
                reason = why
            }
            if attempt < tries {
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, maximumDelay)
            }
        }
        return .failed(reason: reason, tries: max(1, tries))
    }

    private enum Answer {
        case answered(Int)
        case unreachable(String)
    }

    /// The answer of one request, waiting for it on this thread. The client is AsyncHTTPClient's
    /// shared one (SwiftNIO, which the web app brings anyway) rather than URLSession, so no
    /// command loads FoundationNetworking and libcurl at start.
    private func send(_ body: Data) -> Answer {
        var headers = HTTPHeaders([("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "kijkglas")])
        for (name, value) in self.headers { headers.replaceOrAdd(name: name, value: value) }
        do {
            let request = try HTTPClient.Request(url: url, method: .POST, headers: headers, body: .bytes(body))
            let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
            return .answered(Int(try HTTPClient.shared.execute(request: request, deadline: deadline).wait().status.code))
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            return .unreachable("no answer within \(String(format: "%g", timeout)) s")
        } catch {
            return .unreachable(String(describing: error))
        }
    }
}
