import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas notify --subscriber NAME`: a digest of the log since a subscriber's durable cursor.
struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print (or post to a webhook) a digest of everything since a subscriber's cursor, grouped by release.",
        discussion: """
            Each subscriber has a durable cursor in the ledger. The digest lists, per release, the \
            registrations opened and closed, fields changed old → new and funding flags flipped; \
            corrections of the past and withdrawn, corrected or re-diffed releases come first, \
            set apart. The cursor moves only with --ack, or after the webhook answered 2xx, and \
            only to the last event the digest showed: delivery is at least once, and a crash \
            never skips an event. --create makes a subscriber whose first digest holds the \
            whole log. Personal numbers are masked. JSON: Schemas/json/digest.schema.json.

            Example: kijkglas notify --subscriber mail --format md --ack
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "The subscriber whose cursor to read (letters, digits, '.', '_', '-').")
    var subscriber: String

    @Flag(help: "Create the subscriber if it does not exist.")
    var create = false

    @Flag(help: "Move the cursor past the events printed.")
    var ack = false

    @Option(help: "text, md or json.")
    var format: OutputFormat = .text

    @Option(help: "POST the JSON digest to this http(s) URL; the cursor moves on a 2xx answer.")
    var webhook: String?

    @Option(help: "Webhook tries at most (1–20).")
    var webhookTries = 5

    @Option(help: "Milliseconds before the second webhook try; each later wait doubles.")
    var webhookDelayMs = 1000

    @Option(help: "Seconds one webhook request may take.")
    var webhookTimeout = 10.0

    func validate() throws {
        guard [.text, .md, .json].contains(format) else { throw ValidationError("notify prints text, md or json") }
        guard Subscriber.isValidName(subscriber) else {
            throw ValidationError("--subscriber wants 1–64 letters, digits, '.', '_' or '-'")
        }
        guard webhook == nil || !ack else { throw ValidationError("with --webhook the cursor moves on a 2xx answer; leave out --ack") }
    }

    func run() throws {
        try reportingFailures {
            let delivery = try webhook.map {
                try WebhookDelivery(address: $0, tries: webhookTries, firstDelay: Double(webhookDelayMs) / 1000, timeout: webhookTimeout)
            }
            let session = try ledgerOptions.session(.write)
            if let delivery {
                let answer = try session.deliverDigest(DeliveryRequest(subscriber: subscriber, create: create, webhook: delivery))
                announceCreation(answer.created)
                let digest = answer.digest
                guard let delivered = answer.delivered else {
                    print("Nothing new for subscriber \(subscriber) after event \(digest.after); nothing posted.")
                    return
                }
                print("Delivered \(digest.eventCount) events (\(digest.after + 1)…\(digest.through)) to \(delivery.shownURL) on try \(delivered.tries) (HTTP \(delivered.status)); the cursor of \(subscriber) is now at event \(digest.through).")
                return
            }
            let answer = try session.digest(DigestRequest(subscriber: subscriber, create: create))
            announceCreation(answer.created)
            let digest = answer.digest
            let report = DigestReport(digest)
            switch format {
            case .json: print(report.json)
            case .md: print(report.markdown)
            default: print(report.text)
            }
            if ack, !digest.isEmpty {
                try session.acknowledge(subscriber, through: digest.through)
                printError("kijkglas: acknowledged; the cursor of \(subscriber) is now at event \(digest.through)")
            }
        }
    }

    private func announceCreation(_ created: Bool) {
        if created { printError("kijkglas: created subscriber \(subscriber); its first digest holds the whole log") }
    }
}
