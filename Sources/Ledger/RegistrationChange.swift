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

    /// The event's name in output and in the NDJSON feed.
    public var kindName: String {
        switch self {
        case .opened: "RegistrationOpened"
        case .closed: "RegistrationClosed"
        case .changed: "RegistrationChanged"
        case .flaggedUnfunded: "RegistrationFlaggedUnfunded"
        case .flaggedFunded: "RegistrationFlaggedFunded"
        case .retracted: "RegistrationRetracted"
        }
    }
}
