/// An entry of the ledger's log.
public enum Event: Hashable, Sendable {
    /// A release was recorded: `ReleaseRecorded`. The registration events of its batch follow.
    case releaseRecorded(Release)
    /// A registration row opened, closed, changed, flagged or retracted.
    case registration(RegistrationEvent)
    /// A newer release of the same scope was published: `ReleaseSuperseded`.
    case releaseSuperseded(ReleaseID, by: ReleaseID, on: Day)
    /// DUO withdrew the release on that day: `ReleaseWithdrawn`.
    case releaseWithdrawn(ReleaseID, on: Day, reason: String)
    /// DUO made the release definitive on that day: `ReleaseMarkedDefinitive`.
    case releaseMarkedDefinitive(ReleaseID, on: Day)
    /// A release loaded late sits between `base` and `release`: the batch that diffed `release`
    /// against `base` is superseded by a new batch against `newBase`, which follows:
    /// `BatchSuperseded`.
    case batchSuperseded(release: ReleaseID, base: ReleaseID?, newBase: ReleaseID)
    /// The aggregate figures a release states, right after its `ReleaseRecorded`: `FiguresStated`.
    case figuresStated(ReleaseID, [StatedFigure])
    /// The ledger forgot a pupil on that day, for `reason`: its sealed identity and index entry
    /// were destroyed, its rows keep its pupil number (`pupil`, never a PGN): `PupilErased`.
    case pupilErased(pupil: PGN, on: Day, reason: String)

    /// The event's name in output and in the NDJSON feed.
    public var kindName: String { kind.name }

    /// The release the event belongs to; nil for an event of the ledger itself (`PupilErased`).
    public var release: ReleaseID? {
        switch self {
        case .releaseRecorded(let release): release.id
        case .registration(let event): event.release
        case .releaseSuperseded(let id, _, _), .releaseWithdrawn(let id, _, _), .releaseMarkedDefinitive(let id, _),
            .figuresStated(let id, _):
            id
        case .batchSuperseded(let release, _, _): release
        case .pupilErased: nil
        }
    }
}
