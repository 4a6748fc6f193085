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
    /// The school year (scope period) of each release, in the same order.
    public private(set) var schoolYears: [String] = []
    /// Every event the releases must produce, the first release's openings included.
    public private(set) var expected: [Expected] = []

    private var random: SplitMix64
    private var rows: [RegistrationKey: Registration] = [:]
    private var generator: RegistrationGenerator

    /// A history of `count` releases, a month apart from 15 September 2021, from `seed`; all
    /// of school year 2021-2022, or, with `releasesPerYear`, that many of each school year from
    /// 2021-2022 on, each later year's first published on 15 October.
    ///
    /// A later school year's first release is the first of its own scope, so every row in it is
    /// an initial opening: the registrations of the year before still open on its 1 August
    /// and a few new ones from its first weeks.
    public init(seed: UInt64, count: Int, releasesPerYear: Int? = nil) {
        random = SplitMix64(seed: seed)
        generator = RegistrationGenerator(seed: seed &+ 1)
        var year = 2021
        var published = Day.literal(2021, 9, 15)
        for index in 0..<count {
            if index == 0 {
                for _ in 0..<30 { open(on: Day.literal(2021, 8, 1).adding(days: int(0...40)), release: 0, as: .initial) }
            } else if let releasesPerYear, releasesPerYear > 0, index % releasesPerYear == 0 {
                year += 1
                published = Day.literal(year, 10, 15)
                let start = Day.literal(year, 8, 1)
                rows = rows.filter { ($0.value.periodEnd ?? start) >= start }
                for _ in 0..<5 { open(on: start.adding(days: int(0...40)), release: index, as: .initial) }
                for key in rows.keys where !expected.contains(where: { $0.release == index && $0.key == key }) {
                    expected.append(Expected(release: index, key: key, kind: .opened, classification: .initial))
                }
            } else {
                let base = published
                published = base.adding(days: 30)
                step(release: index, base: base, published: published)
            }
            releases.append((published, rows.values.sorted { $0.key < $1.key }))
            schoolYears.append("\(year)-\(year + 1)")
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
