import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs a JSON body to a webhook with a bounded number of tries and exponential backoff;
/// delivered means an HTTP 2xx answer.
struct WebhookDelivery {
    /// How a delivery ended.
    enum Outcome: Equatable {
        /// A 2xx answer on try `tries`.
        case delivered(status: Int, tries: Int)
        /// No 2xx answer in `tries` tries; `reason` says what the last try got.
        case failed(reason: String, tries: Int)
    }

    /// Where to post.
    var url: URL
    /// Tries at most (at least 1).
    var tries: Int
    /// The wait before the second try; each later wait doubles, up to `maximumDelay`.
    var firstDelay: TimeInterval
    /// The longest wait between tries.
    var maximumDelay: TimeInterval = 60
    /// Seconds a single request may take.
    var timeout: TimeInterval
    /// Extra request headers.
    var headers: [String: String] = [:]

    /// Posts `body` until a 2xx answer or the tries run out.
    func post(_ body: Data) -> Outcome {
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

    /// The answer of one request, waiting for it on this thread.
    private func send(_ body: Data) -> Answer {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("kijkglas", forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let box = AnswerBox()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { _, response, error in
            if let status = (response as? HTTPURLResponse)?.statusCode {
                box.set(.answered(status))
            } else {
                box.set(.unreachable(error?.localizedDescription ?? "no HTTP answer"))
            }
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + timeout + 5) == .success else { return .unreachable("no answer within \(Int(timeout)) s") }
        return box.get() ?? .unreachable("no HTTP answer")
    }

    /// Hands the answer from URLSession's queue to the waiting thread.
    private final class AnswerBox: @unchecked Sendable {
        private let lock = NSLock()
        private var answer: Answer?

        func set(_ value: Answer) { lock.withLock { answer = value } }
        func get() -> Answer? { lock.withLock { answer } }
    }
}
