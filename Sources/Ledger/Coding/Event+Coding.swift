extension Event {
    /// Tags of the non-registration events; registration events use their
    /// `RegistrationChange.Kind` raw value (2–7). Tags are frozen: a new shape gets a new tag, so
    /// old logs stay readable.
    private enum Tag: UInt8 {
        case releaseRecorded = 1
        case releaseSuperseded = 8, releaseWithdrawn, releaseMarkedDefinitive, batchSuperseded
        case figuresStated = 12
        case pupilErased = 13
    }

    /// Writes the event's compact binary payload: a tag byte, then the fields of that kind.
    public func encode(into writer: inout ByteWriter) {
        switch self {
        case .releaseRecorded(let release):
            writer.write(byte: Tag.releaseRecorded.rawValue)
            release.encode(into: &writer)
        case .registration(let event):
            writer.write(byte: event.change.kind.rawValue)
            writer.write(varint: UInt64(event.release.value))
            writer.write(varint: UInt64(event.base?.value ?? 0))
            writer.write(byte: event.classification.code)
            event.key.encode(into: &writer)
            switch event.change {
            case .opened(let row): row.encode(into: &writer)
            case .closed(let day): writer.write(day: day)
            case .changed(let changes):
                writer.write(varint: UInt64(changes.count))
                for change in changes {
                    writer.write(string: change.field.rawValue)
                    writer.write(optional: change.old)
                    writer.write(optional: change.new)
                }
            case .flaggedUnfunded(let reason): writer.write(optional: reason)
            case .flaggedFunded, .retracted: break
            }
        case .releaseSuperseded(let id, let successor, let day):
            writer.write(byte: Tag.releaseSuperseded.rawValue)
            writer.write(varint: UInt64(id.value))
            writer.write(varint: UInt64(successor.value))
            writer.write(day: day)
        case .releaseWithdrawn(let id, let day, let reason):
            writer.write(byte: Tag.releaseWithdrawn.rawValue)
            writer.write(varint: UInt64(id.value))
            writer.write(day: day)
            writer.write(string: reason)
        case .releaseMarkedDefinitive(let id, let day):
            writer.write(byte: Tag.releaseMarkedDefinitive.rawValue)
            writer.write(varint: UInt64(id.value))
            writer.write(day: day)
        case .batchSuperseded(let release, let base, let newBase):
            writer.write(byte: Tag.batchSuperseded.rawValue)
            writer.write(varint: UInt64(release.value))
            writer.write(varint: UInt64(base?.value ?? 0))
            writer.write(varint: UInt64(newBase.value))
        case .figuresStated(let id, let figures):
            writer.write(byte: Tag.figuresStated.rawValue)
            writer.write(varint: UInt64(id.value))
            StatedFigure.encode(figures, into: &writer)
        case .pupilErased(let pupil, let day, let reason):
            writer.write(byte: Tag.pupilErased.rawValue)
            writer.write(varint: UInt64(pupil.pupilNumber ?? 0))
            writer.write(day: day)
            writer.write(string: reason)
        }
    }

    /// The event's compact binary payload.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a whole payload written by `encode(into:)`.
    public init(encoded bytes: [UInt8]) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        let tag = try reader.readByte()
        if let kind = RegistrationChange.Kind(rawValue: tag) {
            self = .registration(try Event.registration(kind, from: &reader))
        } else {
            switch Tag(rawValue: tag) {
            case .releaseRecorded:
                self = .releaseRecorded(try Release(from: &reader))
            case .releaseSuperseded:
                self = .releaseSuperseded(
                    try reader.readReleaseID(), by: try reader.readReleaseID(), on: try reader.readDay())
            case .releaseWithdrawn:
                self = .releaseWithdrawn(try reader.readReleaseID(), on: try reader.readDay(), reason: try reader.readString())
            case .releaseMarkedDefinitive:
                self = .releaseMarkedDefinitive(try reader.readReleaseID(), on: try reader.readDay())
            case .batchSuperseded:
                self = .batchSuperseded(
                    release: try reader.readReleaseID(), base: try reader.readOptionalReleaseID(),
                    newBase: try reader.readReleaseID())
            case .figuresStated:
                self = .figuresStated(try reader.readReleaseID(), try StatedFigure.decodeList(from: &reader))
            case .pupilErased:
                let number = try reader.readVarint()
                guard let number = UInt32(exactly: number), let pupil = PGN(pupilNumber: number) else {
                    throw RecordDecodingError(offset: reader.offset, expected: "a pupil number")
                }
                self = .pupilErased(pupil: pupil, on: try reader.readDay(), reason: try reader.readString())
            case nil:
                throw RecordDecodingError(offset: 0, expected: "an event tag, found \(tag)")
            }
        }
        guard reader.isAtEnd else { throw RecordDecodingError(offset: reader.offset, expected: "end of event") }
    }

    private static func registration(
        _ kind: RegistrationChange.Kind, from reader: inout ByteReader
    ) throws(RecordDecodingError) -> RegistrationEvent {
        let header = try RegistrationEventHeader(kind, from: &reader)
        let key = try RegistrationKey(from: &reader)
        let change: RegistrationChange
        switch kind {
        case .opened: change = .opened(try Registration(from: &reader))
        case .closed: change = .closed(on: try reader.readDay())
        case .changed:
            var changes: [FieldChange] = []
            for _ in 0..<(try reader.readCount(limit: Registration.Field.allCases.count)) {
                let name = try reader.readString()
                guard let field = Registration.Field(rawValue: name) else {
                    throw RecordDecodingError(offset: reader.offset, expected: "a field name")
                }
                changes.append(FieldChange(field: field, old: try reader.readOptional(), new: try reader.readOptional()))
            }
            change = .changed(changes)
        case .flaggedUnfunded: change = .flaggedUnfunded(reason: try reader.readOptional())
        case .flaggedFunded: change = .flaggedFunded
        case .retracted: change = .retracted
        }
        return RegistrationEvent(
            release: header.release, base: header.base, classification: header.classification, key: key, change: change)
    }
}

extension Classification {
    /// Frozen storage code.
    package var code: UInt8 {
        switch self {
        case .initial: 0
        case .change: 1
        case .correction: 2
        case .futureDated: 3
        }
    }

    package init?(code: UInt8) {
        switch code {
        case 0: self = .initial
        case 1: self = .change
        case 2: self = .correction
        case 3: self = .futureDated
        default: return nil
        }
    }
}

extension ByteReader {
    /// A release number (never 0).
    package mutating func readReleaseID() throws(RecordDecodingError) -> ReleaseID {
        guard let id = try readOptionalReleaseID() else { throw RecordDecodingError(offset: offset, expected: "a release number") }
        return id
    }

    /// A release number or 0 for none.
    package mutating func readOptionalReleaseID() throws(RecordDecodingError) -> ReleaseID? {
        let raw = try readVarint()
        guard let value = UInt32(exactly: raw) else { throw RecordDecodingError(offset: offset, expected: "a release number") }
        return value == 0 ? nil : ReleaseID(value)
    }
}
