extension ReleaseLifecycle {
    /// Folds one log event into the lifecycles it touches. The same fold keeps the stored
    /// projection current on append and rebuilds it from the log in `verify`.
    public static func apply(_ event: Event, to lifecycles: inout [ReleaseID: ReleaseLifecycle]) {
        switch event {
        case .releaseRecorded(let release):
            lifecycles[release.id] = ReleaseLifecycle(currentBase: release.base)
        case .registration(let registration):
            apply(RegistrationEventHeader(registration), to: &lifecycles)
        case .releaseSuperseded(let id, let successor, let day):
            lifecycles[id]?.supersededBy = (successor, day)
        case .releaseWithdrawn(let id, let day, let reason):
            lifecycles[id]?.withdrawn = (day, reason)
        case .releaseMarkedDefinitive(let id, let day):
            lifecycles[id]?.definitiveOn = day
        case .batchSuperseded(let release, _, let newBase):
            lifecycles[release]?.currentBase = newBase
            lifecycles[release]?.tally = EventTally()
        case .figuresStated, .pupilErased:
            break
        }
    }

    /// Folds a registration event known by its header: it counts in its release's tally when
    /// it belongs to the release's active batch.
    package static func apply(_ header: RegistrationEventHeader, to lifecycles: inout [ReleaseID: ReleaseLifecycle]) {
        if lifecycles[header.release]?.currentBase == header.base {
            lifecycles[header.release]?.tally.add(header.kind, header.classification)
        }
    }

    /// Writes the lifecycle.
    package func encode(into writer: inout ByteWriter) {
        writer.write(varint: UInt64(currentBase?.value ?? 0))
        writer.write(varint: UInt64(supersededBy?.release.value ?? 0))
        if let supersededBy { writer.write(day: supersededBy.on) }
        writer.write(byte: withdrawn == nil ? 0 : 1)
        if let withdrawn {
            writer.write(day: withdrawn.on)
            writer.write(string: withdrawn.reason)
        }
        writer.write(byte: definitiveOn == nil ? 0 : 1)
        if let definitiveOn { writer.write(day: definitiveOn) }
        tally.encode(into: &writer)
    }

    /// The lifecycle's bytes.
    package var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Decodes a whole lifecycle record.
    package init(encoded bytes: [UInt8]) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        self.init(currentBase: try reader.readOptionalReleaseID())
        if let successor = try reader.readOptionalReleaseID() { supersededBy = (successor, try reader.readDay()) }
        if try reader.readByte() != 0 { withdrawn = (try reader.readDay(), try reader.readString()) }
        if try reader.readByte() != 0 { definitiveOn = try reader.readDay() }
        tally = try EventTally(from: &reader)
        guard reader.isAtEnd else { throw RecordDecodingError(offset: reader.offset, expected: "end of lifecycle") }
    }
}
