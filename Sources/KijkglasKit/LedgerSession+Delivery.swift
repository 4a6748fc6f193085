import Foundation
import Ledger
import Reports

extension LedgerSession {
    /// Posts the JSON digest of everything after a subscriber's cursor (the `DigestReport` JSON)
    /// to a webhook and moves the cursor past it on a 2xx answer; posts nothing when nothing is
    /// new. Delivery is at least once: without a 2xx answer the cursor stays where it was and the
    /// failure is a storage failure naming the last answer. Refused in a session that reads.
    public func deliverDigest(_ request: DeliveryRequest) throws(KijkglasError) -> DeliveryAnswer {
        _ = try writableStore()
        let answer = try digest(DigestRequest(subscriber: request.subscriber, create: request.create))
        let digest = answer.digest
        guard !digest.isEmpty else { return DeliveryAnswer(digest: digest, created: answer.created, delivered: nil) }
        var webhook = request.webhook
        webhook.headers["Kijkglas-Delivery"] = "\(request.subscriber):\(digest.after + 1)-\(digest.through)"
        switch webhook.post(Data(DigestReport(digest).json.utf8)) {
        case .delivered(let status, let tries):
            try acknowledge(request.subscriber, through: digest.through)
            return DeliveryAnswer(digest: digest, created: answer.created, delivered: .init(status: status, tries: tries))
        case .failed(let reason, let tries):
            throw KijkglasError(
                .storage,
                "the webhook \(webhook.shownURL) did not answer 2xx in \(tries) tries (last: \(reason)); the cursor of \(request.subscriber) stays at event \(digest.after)")
        }
    }
}
