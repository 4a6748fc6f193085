import ArgumentParser
import Foundation
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
        guard (1...20).contains(webhookTries), (0...600_000).contains(webhookDelayMs), webhookTimeout > 0 else {
            throw ValidationError("--webhook-tries wants 1–20, --webhook-delay-ms 0–600000, --webhook-timeout more than 0")
        }
        if let webhook {
            guard webhookURL(webhook) != nil else { throw ValidationError("--webhook wants an http:// or https:// URL with a host") }
            guard !ack else { throw ValidationError("with --webhook the cursor moves on a 2xx answer; leave out --ack") }
        }
    }

    func run() throws {
        try reportingFailures {
            let session = try ledgerOptions.session(.write)
            let answer = try session.digest(DigestRequest(subscriber: subscriber, create: create))
            if answer.created { printError("kijkglas: created subscriber \(subscriber); its first digest holds the whole log") }
            let digest = answer.digest
            let report = DigestReport(digest)
            if let webhook, let url = webhookURL(webhook) {
                try deliver(report, to: url, session: session)
                return
            }
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

    /// Posts the JSON digest and moves the cursor on a 2xx; otherwise exit 74, cursor unchanged.
    private func deliver(_ report: DigestReport, to url: URL, session: LedgerSession) throws {
        let digest = report.digest
        guard !digest.isEmpty else {
            print("Nothing new for subscriber \(subscriber) after event \(digest.after); nothing posted.")
            return
        }
        let delivery = WebhookDelivery(
            url: url, tries: webhookTries, firstDelay: Double(webhookDelayMs) / 1000, timeout: webhookTimeout,
            headers: ["Kijkglas-Delivery": "\(subscriber):\(digest.after + 1)-\(digest.through)"])
        switch delivery.post(Data(report.json.utf8)) {
        case .delivered(let status, let tries):
            try session.acknowledge(subscriber, through: digest.through)
            print("Delivered \(digest.eventCount) events (\(digest.after + 1)…\(digest.through)) to \(shown(url)) on try \(tries) (HTTP \(status)); the cursor of \(subscriber) is now at event \(digest.through).")
        case .failed(let reason, let tries):
            throw CommandFailure(
                exitCode: .storageError,
                message: "kijkglas: the webhook \(shown(url)) did not answer 2xx in \(tries) tries (last: \(reason)); the cursor of \(subscriber) stays at event \(digest.after)")
        }
    }

    /// `https://host:port/path`, without credentials or query, which may hold secrets.
    private func shown(_ url: URL) -> String {
        "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
    }

    private func webhookURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }
}
