extension Release {
    /// Writes the release record.
    public func encode(into writer: inout ByteWriter) {
        writer.write(varint: UInt64(id.value))
        writer.write(string: scope.product)
        writer.write(string: scope.swv)
        writer.write(string: scope.period)
        writer.write(day: publishedOn)
        writer.write(string: fileName)
        writer.write(blob: fileSHA256)
        writer.write(varint: UInt64(rowCount))
        writer.write(varint: UInt64(base?.value ?? 0))
        if content != .periods {
            writer.write(byte: TrailerTag.content.rawValue)
            writer.write(byte: content.rawValue)
        }
    }

    /// Tags of the optional fields after the base, each written only when it differs from its
    /// default, so records written before a field existed read unchanged. Frozen.
    private enum TrailerTag: UInt8 {
        case content = 1
        /// The fingerprint of a pseudonym key, in storage format 2 (before pupils were sealed in
        /// a vault): read from old exports and dropped, never written.
        case pseudonymFingerprint = 2
    }

    /// The release record's bytes.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads a release record: the fields, then tagged optional ones until the end (a release
    /// record always ends its payload).
    public init(from reader: inout ByteReader) throws(RecordDecodingError) {
        let id = try reader.readReleaseID()
        let scope = Scope(product: try reader.readString(), swv: try reader.readString(), period: try reader.readString())
        let publishedOn = try reader.readDay()
        let fileName = try reader.readString()
        let sha = try reader.readBlob()
        let rowCount = try reader.readCount()
        let base = try reader.readOptionalReleaseID()
        var content = ReleaseContent.periods
        while !reader.isAtEnd {
            switch TrailerTag(rawValue: try reader.readByte()) {
            case .content:
                guard let stated = ReleaseContent(rawValue: try reader.readByte()) else {
                    throw RecordDecodingError(offset: reader.offset, expected: "a release content code")
                }
                content = stated
            case .pseudonymFingerprint:
                _ = try reader.readBlob()
            case nil:
                throw RecordDecodingError(offset: reader.offset, expected: "a release field tag")
            }
        }
        self.init(
            id: id, scope: scope, publishedOn: publishedOn, fileName: fileName, fileSHA256: sha,
            rowCount: rowCount, base: base, content: content)
    }

    /// Decodes a whole release record.
    public init(encoded bytes: [UInt8]) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        try self.init(from: &reader)
        guard reader.isAtEnd else { throw RecordDecodingError(offset: reader.offset, expected: "end of release") }
    }
}
