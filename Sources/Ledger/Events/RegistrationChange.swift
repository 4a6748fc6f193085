/// What happened to one registration row between a release and its base.
public enum RegistrationChange: Hashable, Sendable {
    /// A new row: `RegistrationOpened`.
    case opened(Registration)
    /// The open row got an end date: `RegistrationClosed`.
    case closed(on: Day)
    /// Fields changed, old → new: `RegistrationChanged`. A changed `periodStart` re-keys the row.
    case changed([FieldChange])
    /// Bekostigd J → N, with DUO's reason: `RegistrationFlaggedUnfunded`.
    case flaggedUnfunded(reason: String?)
    /// Bekostigd N → J: `RegistrationFlaggedFunded`.
    case flaggedFunded
    /// The row vanished without being closed: `RegistrationRetracted`.
    case retracted

    /// The kind of change, without its data.
    public var kind: Kind {
        switch self {
        case .opened: .opened
        case .closed: .closed
        case .changed: .changed
        case .flaggedUnfunded: .flaggedUnfunded
        case .flaggedFunded: .flaggedFunded
        case .retracted: .retracted
        }
    }

    /// The kinds of registration change, in the order reports list them.
    public enum Kind: UInt8, CaseIterable, Hashable, Sendable, Comparable {
        case opened = 2, closed, changed, flaggedUnfunded, flaggedFunded, retracted

        /// The event's name in output and in the NDJSON feed: `RegistrationOpened`, ….
        public var name: String {
            switch self {
            case .opened: "RegistrationOpened"
            case .closed: "RegistrationClosed"
            case .changed: "RegistrationChanged"
            case .flaggedUnfunded: "RegistrationFlaggedUnfunded"
            case .flaggedFunded: "RegistrationFlaggedFunded"
            case .retracted: "RegistrationRetracted"
            }
        }

        /// Parses a name like `RegistrationOpened` or `opened` (case-insensitive).
        public init?(name: String) {
            let wanted = name.lowercased()
            guard let kind = Kind.allCases.first(where: {
                $0.name.lowercased() == wanted || $0.name.lowercased() == "registration" + wanted
            }) else { return nil }
            self = kind
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }
}
