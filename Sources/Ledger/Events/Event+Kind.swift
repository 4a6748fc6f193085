extension Event {
    /// The kind of an event, named as the log and its NDJSON feed name it.
    public enum Kind: Hashable, Sendable, CaseIterable {
        /// `Registration…`: a registration row opened, closed, changed, flagged or retracted.
        case registration(RegistrationChange.Kind)
        /// `ReleaseRecorded`.
        case releaseRecorded
        /// `ReleaseSuperseded`.
        case releaseSuperseded
        /// `ReleaseWithdrawn`.
        case releaseWithdrawn
        /// `ReleaseMarkedDefinitive`.
        case releaseMarkedDefinitive
        /// `BatchSuperseded`.
        case batchSuperseded
        /// `FiguresStated`.
        case figuresStated
        /// `PupilErased`.
        case pupilErased

        /// Every kind: the registration kinds, the release kinds, then the ledger's own.
        public static var allCases: [Kind] {
            RegistrationChange.Kind.allCases.map(Kind.registration)
                + [.releaseRecorded, .releaseSuperseded, .releaseWithdrawn, .releaseMarkedDefinitive, .batchSuperseded, .figuresStated, .pupilErased]
        }

        /// The kind's name, e.g. `RegistrationChanged` or `ReleaseWithdrawn`.
        public var name: String {
            switch self {
            case .registration(let kind): kind.name
            case .releaseRecorded: "ReleaseRecorded"
            case .releaseSuperseded: "ReleaseSuperseded"
            case .releaseWithdrawn: "ReleaseWithdrawn"
            case .releaseMarkedDefinitive: "ReleaseMarkedDefinitive"
            case .batchSuperseded: "BatchSuperseded"
            case .figuresStated: "FiguresStated"
            case .pupilErased: "PupilErased"
            }
        }

        /// Parses a kind's name, case-insensitive; a registration kind also without its
        /// `Registration` prefix (`changed`).
        public init?(name: String) {
            if let kind = RegistrationChange.Kind(name: name) {
                self = .registration(kind)
                return
            }
            let wanted = name.lowercased()
            guard let kind = Kind.allCases.first(where: { $0.name.lowercased() == wanted }) else { return nil }
            self = kind
        }
    }

    /// The event's kind.
    public var kind: Kind {
        switch self {
        case .releaseRecorded: .releaseRecorded
        case .registration(let event): .registration(event.change.kind)
        case .releaseSuperseded: .releaseSuperseded
        case .releaseWithdrawn: .releaseWithdrawn
        case .releaseMarkedDefinitive: .releaseMarkedDefinitive
        case .batchSuperseded: .batchSuperseded
        case .figuresStated: .figuresStated
        case .pupilErased: .pupilErased
        }
    }
}
