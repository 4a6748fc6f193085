/// An entry of the ledger's log.
public enum Event: Hashable, Sendable {
    /// A release was recorded: `ReleaseRecorded`. Its registration events follow it.
    case releaseRecorded(Release)
    /// A registration row opened, closed, changed, flagged or retracted.
    case registration(RegistrationEvent)

    /// The event's name in output and in the NDJSON feed.
    public var kindName: String {
        switch self {
        case .releaseRecorded: "ReleaseRecorded"
        case .registration(let event): event.change.kindName
        }
    }

    /// The release the event belongs to.
    public var release: ReleaseID {
        switch self {
        case .releaseRecorded(let release): release.id
        case .registration(let event): event.release
        }
    }
}
