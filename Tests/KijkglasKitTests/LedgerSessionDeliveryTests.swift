import Foundation
import KijkglasKit
import Ledger
import Testing
import TestSupport

/// Posting a subscriber's digest to a webhook, in-process against a scripted loopback server:
/// the cursor moves only on a 2xx answer, so delivery is at least once.
@Suite("LedgerSession webhook delivery", .serialized)
struct LedgerSessionDeliveryTests {
    private func webhook(_ address: String, tries: Int) throws -> WebhookDelivery {
        try WebhookDelivery(address: address, tries: tries, firstDelay: 0.01, timeout: 5)
    }

    @Test("a webhook that never answers 2xx leaves the cursor; a later 2xx delivery moves it past what was posted")
    func deliversAtLeastOnce() throws {
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let session = try LedgerSession(directory: demo.path, access: .write)
        let through = try session.digest(DigestRequest(subscriber: "hook", create: true)).digest.through

        let failing = try LoopbackHTTPServer(statuses: [500, 500])
        let refused = kijkglasFailure {
            _ = try session.deliverDigest(DeliveryRequest(subscriber: "hook", webhook: try webhook(failing.url, tries: 2)))
        }
        failing.waitUntilStopped()
        #expect(refused?.kind == .storage)
        #expect(refused?.description.contains("did not answer 2xx in 2 tries (last: HTTP 500)") == true)
        #expect(failing.requests.count == 2)
        #expect(try session.digest(DigestRequest(subscriber: "hook")).digest.after == 0)

        let closed = "http://127.0.0.1:\(try LoopbackHTTPServer.unusedPort())/hook"
        #expect(kijkglasFailure { _ = try session.deliverDigest(DeliveryRequest(subscriber: "hook", webhook: try webhook(closed, tries: 1))) }?.kind == .storage)

        let recovering = try LoopbackHTTPServer(statuses: [503, 204])
        let answer = try session.deliverDigest(DeliveryRequest(subscriber: "hook", webhook: try webhook(recovering.url, tries: 3)))
        recovering.waitUntilStopped()
        #expect(answer.delivered?.status == 204)
        #expect(answer.delivered?.tries == 2)
        #expect(answer.digest.through == through)
        let posted = try #require(recovering.requests.last)
        #expect(posted.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(posted.headers["kijkglas-delivery"] == "hook:1-\(through)")
        let body = try #require(try JSONSerialization.jsonObject(with: posted.body) as? [String: Any])
        #expect(body["through"] as? Int == Int(through))

        let nothing = try session.deliverDigest(DeliveryRequest(subscriber: "hook", webhook: try webhook(recovering.url, tries: 1)))
        #expect(nothing.delivered == nil)
        #expect(nothing.digest.after == through)
    }

    @Test("a webhook address must be http(s) with a host, and a session that reads cannot deliver")
    func refusals() throws {
        for address in ["ftp://example.org/x", "http://", "not a url", "file:///tmp/x"] {
            #expect(kijkglasFailure { _ = try webhook(address, tries: 1) }?.message.terms == [.webhook], "\(address)")
        }
        #expect(kijkglasFailure { _ = try WebhookDelivery(address: "http://127.0.0.1/x", tries: 0) }?.kind == .usage)
        let demo = try DemoLedger()
        defer { demo.directory.remove() }
        let reading = try demo.session()
        #expect(kijkglasFailure { _ = try reading.deliverDigest(DeliveryRequest(subscriber: "x", webhook: try webhook("http://127.0.0.1/x", tries: 1))) }?.kind == .usage)
    }
}
