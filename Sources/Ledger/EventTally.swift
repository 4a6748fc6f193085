/// Counts of a release's registration events by kind and by classification.
public struct EventTally: Sendable, Equatable {
    /// Events per kind name (`RegistrationOpened`, …).
    public private(set) var byKind: [String: Int] = [:]
    /// Events per classification.
    public private(set) var byClassification: [Classification: Int] = [:]

    /// An empty tally.
    public init() {}

    /// Adds one event.
    public mutating func add(_ event: RegistrationEvent) {
        byKind[event.change.kindName, default: 0] += 1
        byClassification[event.classification, default: 0] += 1
    }

    /// Registration events counted.
    public var total: Int { byKind.values.reduce(0, +) }

    /// Corrections of the past among them.
    public var corrections: Int { byClassification[.correction] ?? 0 }
}

extension LedgerStore {
    /// The tally of each release's registration events, from one pass over the log.
    public func eventTallies() throws(LedgerError) -> [ReleaseID: EventTally] {
        var tallies: [ReleaseID: EventTally] = [:]
        try forEachEvent { _, event in
            if case .registration(let registration) = event {
                tallies[registration.release, default: EventTally()].add(registration)
            }
            return true
        }
        return tallies
    }
}
