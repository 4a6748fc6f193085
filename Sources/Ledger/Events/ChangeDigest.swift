/// What happened in the log after a subscriber's cursor, grouped by release: the registration
/// events that bring news, the corrections of the past kept apart, and the releases DUO withdrew
/// or corrected. A pure value built from log entries; `LedgerStore.digest(for:)` reads them.
public struct ChangeDigest: Sendable {
    /// One log event and its sequence number.
    public struct Entry: Sendable, Equatable {
        /// The event's place in the log.
        public let sequence: UInt64
        /// The event.
        public let event: Event

        /// An entry from its parts.
        public init(sequence: UInt64, event: Event) {
            self.sequence = sequence
            self.event = event
        }
    }

    /// The events of one release, in log order.
    public struct Section: Sendable {
        /// The release; nil only when the ledger no longer holds its record.
        public let release: Release?
        /// Its number.
        public let id: ReleaseID
        /// Every event of the release after the cursor, in log order.
        public let entries: [Entry]
        /// Where the release, recorded after the cursor as the first of its school year, speaks
        /// differently of the previous school year's days than that year's release.
        public let previousYear: PreviousYearRewrite?

        /// Registration events that are news (not corrections), in log order.
        public var news: [(sequence: UInt64, event: RegistrationEvent)] {
            registrations.filter { $0.event.classification != .correction }
        }

        /// Registration events that rewrite the past (classification `correction`).
        public var corrections: [(sequence: UInt64, event: RegistrationEvent)] {
            registrations.filter { $0.event.classification == .correction }
        }

        /// Registration events of one kind among `news`.
        public func news(_ kinds: Set<RegistrationChange.Kind>) -> [(sequence: UInt64, event: RegistrationEvent)] {
            news.filter { kinds.contains($0.event.change.kind) }
        }

        /// The tally of the section's registration events.
        public var tally: EventTally {
            var tally = EventTally()
            for entry in registrations { tally.add(entry.event) }
            return tally
        }

        /// Whether most of its registration events correct the past: a corrected release.
        public var isCorrectedRelease: Bool { tally.total > 0 && tally.isMostlyCorrections }

        /// The withdrawal recorded after the cursor, if any.
        public var withdrawal: (on: Day, reason: String)? {
            entries.lazy.compactMap { entry -> (on: Day, reason: String)? in
                if case .releaseWithdrawn(_, let day, let reason) = entry.event { return (day, reason) }
                return nil
            }.first
        }

        /// The `BatchSuperseded` entries: a release loaded late replaced this release's batch.
        public var supersededBatches: [Entry] {
            entries.filter { if case .batchSuperseded = $0.event { true } else { false } }
        }

        /// Lifecycle events other than withdrawals and superseded batches (recorded, figures
        /// stated, superseded, definitive).
        public var lifecycleEntries: [Entry] {
            entries.filter { entry in
                switch entry.event {
                case .releaseRecorded, .releaseSuperseded, .releaseMarkedDefinitive, .figuresStated: true
                case .registration, .releaseWithdrawn, .batchSuperseded, .pupilErased: false
                }
            }
        }

        /// Whether the section belongs in the prominent part of a digest: it corrects the past,
        /// was withdrawn, or had its batch replaced.
        public var needsAttention: Bool {
            !corrections.isEmpty || withdrawal != nil || !supersededBatches.isEmpty || isCorrectedRelease || previousYear != nil
        }

        private var registrations: [(sequence: UInt64, event: RegistrationEvent)] {
            entries.compactMap { entry in
                if case .registration(let event) = entry.event { return (entry.sequence, event) }
                return nil
            }
        }
    }

    /// The subscriber the digest is for.
    public let subscriber: String
    /// The cursor it starts after: events with a greater sequence are in it.
    public let after: UInt64
    /// The last sequence it holds (`after` when empty): what an acknowledgement moves the
    /// cursor to, never the log's head at acknowledgement time.
    public let through: UInt64
    /// One section per release, in order of each release's first event in the digest.
    public let sections: [Section]

    /// The digest of `entries` (in log order, all after `after`) for `subscriber`, naming
    /// releases from `releases`, with the `previousYear` rewrites of releases recorded in it.
    public init(
        subscriber: String, after: UInt64, entries: [Entry], releases: [ReleaseID: Release],
        previousYear: [ReleaseID: PreviousYearRewrite] = [:]
    ) {
        self.subscriber = subscriber
        self.after = after
        through = entries.last?.sequence ?? after
        var order: [ReleaseID] = []
        var grouped: [ReleaseID: [Entry]] = [:]
        // Erasures belong to no release and change no answer: a digest has no section for them.
        for entry in entries {
            guard let id = entry.event.release else { continue }
            if grouped[id] == nil { order.append(id) }
            grouped[id, default: []].append(entry)
        }
        sections = order.map { id in
            var release = releases[id]
            var recorded = false
            for entry in grouped[id] ?? [] {
                if case .releaseRecorded(let made) = entry.event {
                    release = release ?? made
                    recorded = true
                }
            }
            return Section(release: release, id: id, entries: grouped[id] ?? [], previousYear: recorded ? previousYear[id] : nil)
        }
    }

    /// The number of events in the digest.
    public var eventCount: Int { sections.map(\.entries.count).reduce(0, +) }

    /// Whether nothing happened after the cursor.
    public var isEmpty: Bool { sections.isEmpty }

    /// The sections that correct the past, were withdrawn or had a batch replaced.
    public var attention: [Section] { sections.filter(\.needsAttention) }
}
