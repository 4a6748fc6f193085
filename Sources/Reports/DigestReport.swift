import Ledger

/// The change digest `notify` prints or posts, in text, Markdown (for e-mail) and JSON: per
/// release the news (opened, closed, changed, funding flags, retracted), and first, set apart,
/// the corrections of the past and the releases withdrawn, corrected or re-diffed. Personal
/// numbers are masked.
public struct DigestReport: Sendable {
    /// The digest to render.
    public let digest: ChangeDigest

    /// A report of `digest`.
    public init(_ digest: ChangeDigest) {
        self.digest = digest
    }

    /// The groups of news in a release, in the order they are listed.
    static let newsGroups: [(title: String, key: String, kinds: Set<RegistrationChange.Kind>)] = [
        ("New registrations", "opened", [.opened]),
        ("Closed registrations", "closed", [.closed]),
        ("Changed registrations", "changed", [.changed]),
        ("Funding flag flips", "funding", [.flaggedUnfunded, .flaggedFunded]),
        ("Retracted registrations", "retracted", [.retracted]),
    ]

    /// Plain text: a heading line, the attention block, then one block per release.
    public var text: String {
        guard !digest.isEmpty else { return emptyLine }
        var lines = [headline, ""]
        if !digest.attention.isEmpty {
            lines.append("!! CORRECTIONS OF THE PAST AND CORRECTED OR WITHDRAWN RELEASES")
            for section in digest.attention {
                lines.append("  " + title(section))
                lines += notices(section).map { "    !! " + $0 }
                lines += section.corrections.map { "    " + line($0.sequence, .registration($0.event)) }
            }
            lines.append("")
        }
        for section in digest.sections {
            lines.append(title(section) + ": " + ReleaseListing.kindSummary(section.tally))
            for entry in section.lifecycleEntries { lines.append("  " + line(entry.sequence, entry.event)) }
            for group in DigestReport.newsGroups {
                let entries = section.news(group.kinds)
                guard !entries.isEmpty else { continue }
                lines.append("  \(group.title) (\(entries.count))")
                lines += entries.map { "    " + line($0.sequence, .registration($0.event)) }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown for e-mail: headings per release, the attention block first as a quote.
    public var markdown: String {
        guard !digest.isEmpty else { return emptyLine }
        var lines = ["# Kijkglas digest for \(MarkdownText.escape(digest.subscriber))", "", MarkdownText.escape(headline), ""]
        if !digest.attention.isEmpty {
            lines += ["## ⚠️ Corrections of the past and corrected or withdrawn releases", ""]
            for section in digest.attention {
                lines += ["### " + MarkdownText.escape(title(section)), ""]
                lines += notices(section).map { "> **\(MarkdownText.escape($0))**" }
                if !notices(section).isEmpty { lines.append("") }
                lines += section.corrections.map { "- " + MarkdownText.escape(line($0.sequence, .registration($0.event))) }
                if !section.corrections.isEmpty { lines.append("") }
            }
        }
        lines += ["## Changes by release", ""]
        for section in digest.sections {
            lines += ["### " + MarkdownText.escape(title(section)), "", MarkdownText.escape(ReleaseListing.kindSummary(section.tally)), ""]
            for entry in section.lifecycleEntries { lines.append("- " + MarkdownText.escape(line(entry.sequence, entry.event))) }
            if !section.lifecycleEntries.isEmpty { lines.append("") }
            for group in DigestReport.newsGroups {
                let entries = section.news(group.kinds)
                guard !entries.isEmpty else { continue }
                lines += ["**\(group.title) (\(entries.count))**", ""]
                lines += entries.map { "- " + MarkdownText.escape(line($0.sequence, .registration($0.event))) }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON form, described by `Schemas/json/digest.schema.json`: every event of the
    /// digest appears exactly once.
    public var json: String {
        ProjectionJSON.encode(DigestJSON(digest))
    }

    private var headline: String {
        "\(digest.eventCount) events for subscriber \(digest.subscriber) after event \(digest.after), through event \(digest.through)"
    }

    private var emptyLine: String {
        "Nothing new for subscriber \(digest.subscriber) after event \(digest.after)."
    }

    /// `R5 kijkglas-2 VO9901 2021-2022, published 2022-04-29 (base R4)`.
    private func title(_ section: ChangeDigest.Section) -> String {
        guard let release = section.release else { return section.id.description }
        let base = release.base.map { " (base \($0))" } ?? " (first of its scope)"
        return "\(release.id) \(release.scope), published \(release.publishedOn.iso)\(base)"
    }

    /// The warnings of a section: withdrawn, batch replaced, corrected release.
    static func notices(_ section: ChangeDigest.Section) -> [String] {
        var notices: [String] = []
        if let withdrawal = section.withdrawal {
            notices.append("WITHDRAWN by DUO on \(withdrawal.on.iso): \(PGN.mask(withdrawal.reason))")
        }
        for entry in section.supersededBatches { notices.append("BATCH REPLACED: " + EventText.describe(entry.event)) }
        if let previousYear = section.previousYear {
            notices.append("PREVIOUS SCHOOL YEAR REWRITTEN: " + PreviousYearText.lines(previousYear).joined(separator: "\n      "))
        }
        if section.isCorrectedRelease {
            let tally = section.tally
            notices.append("CORRECTED RELEASE: \(tally.corrections) of its \(tally.total) events correct the past (\(ReleaseListing.correctionsByKind(tally)))")
        }
        return notices
    }

    private func notices(_ section: ChangeDigest.Section) -> [String] { Self.notices(section) }

    private func line(_ sequence: UInt64, _ event: Event) -> String {
        "#\(sequence) " + EventText.describe(event)
    }

}

/// The JSON form of a change digest.
struct DigestJSON: Encodable {
    struct Attention: Encodable {
        var release: String
        var correctedRelease: Bool
        var corrections: Int
        var registrationEvents: Int
        var withdrawn: Withdrawal?
        var releaseEvents: [EventJSON]
        var events: [EventJSON]
        var notices: [String]
    }

    struct Withdrawal: Encodable {
        var on: String
        var reason: String
    }

    struct Section: Encodable {
        var release: String
        var product: String?
        var swv: String?
        var period: String?
        var published: String?
        var base: String?
        var counts: [String: Int]
        var lifecycle: [EventJSON]
        var opened: [EventJSON]
        var closed: [EventJSON]
        var changed: [EventJSON]
        var funding: [EventJSON]
        var retracted: [EventJSON]
    }

    var subscriber: String
    var after: UInt64
    var through: UInt64
    var events: Int
    var attention: [Attention]
    var releases: [Section]

    init(_ digest: ChangeDigest) {
        subscriber = digest.subscriber
        after = digest.after
        through = digest.through
        events = digest.eventCount
        attention = digest.attention.map { section in
            let tally = section.tally
            let releaseEvents = section.entries.filter {
                switch $0.event {
                case .releaseWithdrawn, .batchSuperseded: true
                default: false
                }
            }
            return Attention(
                release: section.id.description, correctedRelease: section.isCorrectedRelease, corrections: tally.corrections,
                registrationEvents: tally.total,
                withdrawn: section.withdrawal.map { Withdrawal(on: $0.on.iso, reason: PGN.mask($0.reason)) },
                releaseEvents: releaseEvents.map { EventJSON($0.event, sequence: $0.sequence) },
                events: section.corrections.map { EventJSON(.registration($0.event), sequence: $0.sequence) },
                notices: DigestReport.notices(section))
        }
        releases = digest.sections.map { section in
            func group(_ key: String) -> [EventJSON] {
                let kinds = DigestReport.newsGroups.first { $0.key == key }?.kinds ?? []
                return section.news(kinds).map { EventJSON(.registration($0.event), sequence: $0.sequence) }
            }
            let tally = section.tally
            var counts: [String: Int] = [:]
            for kind in RegistrationChange.Kind.allCases where tally.count(of: kind) > 0 { counts[kind.name] = tally.count(of: kind) }
            return Section(
                release: section.id.description, product: section.release?.scope.product, swv: section.release?.scope.swv,
                period: section.release?.scope.period, published: section.release?.publishedOn.iso,
                base: section.release?.base?.description, counts: counts,
                lifecycle: section.lifecycleEntries.map { EventJSON($0.event, sequence: $0.sequence) },
                opened: group("opened"), closed: group("closed"), changed: group("changed"), funding: group("funding"),
                retracted: group("retracted"))
        }
    }
}
