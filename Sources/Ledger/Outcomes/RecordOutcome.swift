/// What recording a release did.
public enum RecordOutcome: Sendable {
    /// The release is new: recorded with the tally of its own batch of registration events.
    case recorded(Release, batch: EventTally)
    /// A file with the same SHA-256 was recorded before, as this release; nothing was written.
    case alreadyRecorded(Release)
}
