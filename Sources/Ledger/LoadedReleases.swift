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

    /// The releases of `store`.
    public init(store: LedgerStore) throws(LedgerError) {
        releases = try store.releases()
        lifecycles = try store.lifecycles()
    }

    /// Whether some release's scope covers `day`.
    public func covers(_ day: Day) -> Bool {
        releases.contains { $0.scope.validTime?.contains(day) ?? false }
    }

    /// The first publication date of any release.
    public var firstPublication: Day? { releases.map(\.publishedOn).min() }

    /// The SWV codes of the releases' scopes.
    public var scopeSwvs: Set<String> { Set(releases.map(\.scope.swv)) }

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

    /// The publication and withdrawal days of releases whose scope covers any of `days`, in order.
    public func knowledgePoints(covering days: [Day]) -> [KnowledgePoint] {
        let relevant = releases.filter { release in days.contains { release.scope.validTime?.contains($0) ?? false } }
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
