extension Event {
    /// Writes the event's compact binary payload: a tag byte, then the fields of that kind.
    /// Tags and field order are frozen; a new shape gets a new tag so old logs stay readable.
    public func encode(into writer: inout ByteWriter) {
        switch self {
        case .releaseRecorded(let release):
            writer.write(byte: Tag.releaseRecorded.rawValue)
            release.encode(into: &writer)
        case .registration(let event):
            writer.write(byte: Tag(event.change).rawValue)
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
        }
    }

    /// The event's compact binary payload.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a whole payload written by `encode(into:)`.
    public init(encoded bytes: [UInt8]) throws(DecodingError) {
        var reader = ByteReader(bytes)
        let tagByte = try reader.readByte()
        guard let tag = Tag(rawValue: tagByte) else {
            throw DecodingError(offset: 0, expected: "an event tag, found \(tagByte)")
        }
        if tag == .releaseRecorded {
            self = .releaseRecorded(try Release(from: &reader))
        } else {
            let release = ReleaseID(UInt32(truncatingIfNeeded: try reader.readVarint()))
            let baseValue = UInt32(truncatingIfNeeded: try reader.readVarint())
            let classificationCode = try reader.readByte()
            guard let classification = Classification(code: classificationCode) else {
                throw DecodingError(offset: reader.offset, expected: "a classification")
            }
            let key = try RegistrationKey(from: &reader)
            let change: RegistrationChange
            switch tag {
            case .opened: change = .opened(try Registration(from: &reader))
            case .closed: change = .closed(on: try reader.readDay())
            case .changed:
                var changes: [FieldChange] = []
                for _ in 0..<(try reader.readCount(limit: Registration.Field.allCases.count)) {
                    let name = try reader.readString()
                    guard let field = Registration.Field(rawValue: name) else {
                        throw DecodingError(offset: reader.offset, expected: "a field name")
                    }
                    changes.append(
                        FieldChange(field: field, old: try reader.readOptional(), new: try reader.readOptional()))
                }
                change = .changed(changes)
            case .flaggedUnfunded: change = .flaggedUnfunded(reason: try reader.readOptional())
            case .flaggedFunded: change = .flaggedFunded
            case .retracted: change = .retracted
            case .releaseRecorded: throw DecodingError(offset: 0, expected: "a registration event tag")
            }
            self = .registration(
                RegistrationEvent(
                    release: release, base: baseValue == 0 ? nil : ReleaseID(baseValue),
                    classification: classification, key: key, change: change))
        }
        guard reader.isAtEnd else { throw DecodingError(offset: reader.offset, expected: "end of event") }
    }

    private enum Tag: UInt8 {
        case releaseRecorded = 1, opened, closed, changed, flaggedUnfunded, flaggedFunded, retracted

        init(_ change: RegistrationChange) {
            switch change {
            case .opened: self = .opened
            case .closed: self = .closed
            case .changed: self = .changed
            case .flaggedUnfunded: self = .flaggedUnfunded
            case .flaggedFunded: self = .flaggedFunded
            case .retracted: self = .retracted
            }
        }
    }
}

extension Classification {
    /// Frozen storage code.
    var code: UInt8 {
        switch self {
        case .initial: 0
        case .change: 1
        case .correction: 2
        case .futureDated: 3
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .initial
        case 1: self = .change
        case 2: self = .correction
        case 3: self = .futureDated
        default: return nil
        }
    }
}
