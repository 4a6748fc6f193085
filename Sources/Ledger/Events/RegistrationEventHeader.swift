/// What the lifecycle fold reads of a registration event: its kind, release, base and
/// classification, the head of its stored payload. A rebuild reads only this, not the event's
/// row or field changes.
package struct RegistrationEventHeader {
    /// The kind of change.
    package var kind: RegistrationChange.Kind
    /// The release that brought the change.
    package var release: ReleaseID
    /// The release it was diffed against.
    package var base: ReleaseID?
    /// Change, correction, future-dated or initial.
    package var classification: Classification

    /// The header of `event`.
    package init(_ event: RegistrationEvent) {
        self.init(kind: event.change.kind, release: event.release, base: event.base, classification: event.classification)
    }

    /// A header from its parts.
    package init(kind: RegistrationChange.Kind, release: ReleaseID, base: ReleaseID?, classification: Classification) {
        self.kind = kind
        self.release = release
        self.base = base
        self.classification = classification
    }

    /// Reads the header of an encoded event from its start; nil when it is not a registration event.
    package init?(from reader: inout ByteReader) throws(RecordDecodingError) {
        guard let kind = RegistrationChange.Kind(rawValue: try reader.readByte()) else { return nil }
        try self.init(kind, from: &reader)
    }

    /// Reads the fields after the kind tag, as `Event.encode(into:)` writes them.
    package init(_ kind: RegistrationChange.Kind, from reader: inout ByteReader) throws(RecordDecodingError) {
        let release = try reader.readReleaseID()
        let base = try reader.readOptionalReleaseID()
        guard let classification = Classification(code: try reader.readByte()) else {
            throw RecordDecodingError(offset: reader.offset, expected: "a classification")
        }
        self.init(kind: kind, release: release, base: base, classification: classification)
    }
}
