import Ledger

/// A release series whose every change is scripted, with the event each change must produce:
/// the ground truth that diff and classification tests compare against.
///
/// Each release touches distinct rows, one operation per row, with dates chosen on a known side
/// of the base release's and this release's publication dates, so every expected event kind and
/// classification is known in advance: arrivals since, late-reported and future-dated; departures
/// since and late-reported; categories rewritten from the start; funding flips; retractions;
/// moved start dates.
public struct ScriptedHistory {
    /// One expected registration event.
    public struct Expected: Hashable, Sendable {
        /// Index of the release (in publication order) whose batch holds it.
        public var release: Int
        /// The row's identity in the base release.
        public var key: RegistrationKey
        /// Its kind.
        public var kind: RegistrationChange.Kind
        /// Its classification.
        public var classification: Classification

        /// An expected event from its parts.
        public init(release: Int, key: RegistrationKey, kind: RegistrationChange.Kind, classification: Classification) {
            self.release = release
            self.key = key
            self.kind = kind
            self.classification = classification
        }
    }

    /// The releases' rows and publication dates, in publication order.
    public private(set) var releases: [(published: Day, rows: [Registration])] = []
    /// Every event the releases must produce, the first release's openings included.
    public private(set) var expected: [Expected] = []

    private var random: SplitMix64
    private var rows: [RegistrationKey: Registration] = [:]
    private var generator: RegistrationGenerator

    /// A history of `count` releases, a month apart from 15 September 2021, from `seed`.
    public init(seed: UInt64, count: Int) {
        random = SplitMix64(seed: seed)
        generator = RegistrationGenerator(seed: seed &+ 1)
        let first = Day.literal(2021, 9, 15)
        for index in 0..<count {
            let published = first.adding(days: 30 * index)
            if index == 0 {
                for _ in 0..<30 { open(on: Day.literal(2021, 8, 1).adding(days: int(0...40)), release: 0, as: .initial) }
            } else {
                step(release: index, base: releases[index - 1].published, published: published)
            }
            releases.append((published, rows.values.sorted { $0.key < $1.key }))
        }
    }

    private mutating func step(release: Int, base: Day, published: Day) {
        var untouched = Set(rows.keys)
        func take(_ condition: (Registration) -> Bool) -> Registration? {
            guard let key = untouched.filter({ rows[$0].map(condition) ?? false }).sorted().randomElement(using: &random)
            else { return nil }
            untouched.remove(key)
            return rows[key]
        }
        let span = Int(published.daysSinceEpoch - base.daysSinceEpoch)
        open(on: base.adding(days: int(1...span)), release: release, as: .change)
        open(on: base.adding(days: -int(0...20)), release: release, as: .correction)
        open(on: published.adding(days: int(1...20)), release: release, as: .futureDated)
        if let row = take({ $0.periodEnd == nil && $0.periodStart < base }) {
            close(row, on: base.adding(days: int(0...(span - 1))), release: release, as: .change)
        }
        if let row = take({ $0.periodEnd == nil && $0.periodStart < base.adding(days: -3) }) {
            let gap = Int(base.daysSinceEpoch - row.periodStart.daysSinceEpoch)
            close(row, on: row.periodStart.adding(days: int(0...(gap - 2))), release: release, as: .correction)
        }
        if let row = take({ $0.periodStart <= base }) {
            var changed = row
            changed.category = row.category == .low ? .high : .low
            replace(row, with: changed, release: release, kind: .changed, as: .correction)
        }
        if let row = take({ $0.periodStart <= base && $0.funded }) {
            var flagged = row
            flagged.funded = false
            flagged.unfundedReason = "Geen geldige TLV"
            replace(row, with: flagged, release: release, kind: .flaggedUnfunded, as: .correction)
        }
        if let row = take({ $0.periodStart <= base }) {
            rows[row.key] = nil
            expected.append(Expected(release: release, key: row.key, kind: .retracted, classification: .correction))
        }
        if let row = take({ row in
            row.periodStart <= base && row.periodEnd == nil
                && !rows.keys.contains { $0.place == row.key.place && $0 != row.key }
        }) {
            var moved = row
            moved.periodStart = row.periodStart.adding(days: -int(1...10))
            moved.enrolledFrom = moved.periodStart
            replace(row, with: moved, release: release, kind: .changed, as: .correction)
        }
    }

    private mutating func open(on start: Day, release: Int, as classification: Classification) {
        var row = generator.row()
        row.periodStart = start
        row.enrolledFrom = start
        row.periodEnd = nil
        row.enrolledUntil = nil
        guard rows[row.key] == nil, !rows.keys.contains(where: { $0.place == row.key.place }) else { return }
        rows[row.key] = row
        expected.append(Expected(release: release, key: row.key, kind: .opened, classification: classification))
    }

    private mutating func close(_ row: Registration, on end: Day, release: Int, as classification: Classification) {
        var closed = row
        closed.periodEnd = end
        replace(row, with: closed, release: release, kind: .closed, as: classification)
    }

    private mutating func replace(
        _ row: Registration, with new: Registration, release: Int, kind: RegistrationChange.Kind,
        as classification: Classification
    ) {
        rows[row.key] = nil
        rows[new.key] = new
        expected.append(Expected(release: release, key: row.key, kind: kind, classification: classification))
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
}
