/// Every release the ledger holds with its lifecycle: what the projections check their
/// arguments against and name in their messages.
public struct LoadedReleases: Sendable {
    /// A day on which the answer for some valid day may change: releases published or withdrawn.
    public struct KnowledgePoint: Sendable, Equatable {
        /// The day.
        public let day: Day
        /// Releases published that day.
        public let published: [ReleaseID]
        /// Releases withdrawn that day.
        public let withdrawn: [ReleaseID]

        /// A knowledge point from its parts.
        public init(day: Day, published: [ReleaseID], withdrawn: [ReleaseID]) {
            self.day = day
            self.published = published
            self.withdrawn = withdrawn
        }
    }

    /// The releases, by number.
    public let releases: [Release]
    /// Their lifecycles.
    public let lifecycles: [ReleaseID: ReleaseLifecycle]
    /// The SWV whose releases these are; nil for every release of the ledger.
    public let swv: String?

    /// Releases with their lifecycles, of `swv` alone or (nil) of every SWV.
    public init(releases: [Release], lifecycles: [ReleaseID: ReleaseLifecycle], swv: String?) {
        self.releases = releases
        self.lifecycles = lifecycles
        self.swv = swv
    }

    /// Whether a registrations release of `swv` may answer `day`: one of the day's school year,
    /// or, with `fallback`, of the year before.
    public func covers(_ day: Day, swv: String, fallback: Bool) -> Bool {
        let year = SchoolYear(containing: day)
        return releases.contains { release in
            release.scope.swv == swv && release.content == .periods
                && (release.scope.schoolYear == year || (fallback && release.scope.schoolYear == year.previous))
        }
    }

    /// The first publication date of any release.
    public var firstPublication: Day? { releases.map(\.publishedOn).min() }

    /// What is loaded, for messages: one line per scope with its valid time and publications.
    public var summary: String {
        guard !releases.isEmpty else { return "the ledger holds no releases" }
        return Dictionary(grouping: releases, by: \.scope).sorted { $0.key < $1.key }.map { scope, versions in
            let days = versions.map(\.publishedOn).sorted()
            let valid = scope.validTime.map { " (valid \($0.lowerBound.iso) … \($0.upperBound.iso))" } ?? ""
            let published = days.first == days.last ? "\(days[0].iso)" : "\(days[0].iso) … \(days[days.count - 1].iso)"
            return "\(scope)\(valid): \(versions.count) release(s) published \(published)"
        }
        .joined(separator: "\n")
    }

    /// The publication and withdrawal days of the registrations releases of `swv` that may
    /// answer any of `days` (`covers(_:swv:fallback:)`), in order.
    public func knowledgePoints(covering days: [Day], swv: String, fallback: Bool) -> [KnowledgePoint] {
        let relevant = releases.filter { release in
            release.scope.swv == swv && release.content == .periods && release.scope.schoolYear.map { year in
                days.contains { SchoolYear(containing: $0) == year || (fallback && SchoolYear(containing: $0).previous == year) }
            } ?? false
        }
        var published: [Day: [ReleaseID]] = [:]
        var withdrawn: [Day: [ReleaseID]] = [:]
        for release in relevant {
            published[release.publishedOn, default: []].append(release.id)
            if let withdrawal = lifecycles[release.id]?.withdrawn { withdrawn[withdrawal.on, default: []].append(release.id) }
        }
        return Set(published.keys).union(withdrawn.keys).sorted().map {
            KnowledgePoint(day: $0, published: published[$0] ?? [], withdrawn: withdrawn[$0] ?? [])
        }
    }
}
