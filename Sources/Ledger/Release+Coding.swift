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
    }

    /// The release record's bytes.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads a release record.
    public init(from reader: inout ByteReader) throws(RecordDecodingError) {
        let id = try reader.readReleaseID()
        let scope = Scope(product: try reader.readString(), swv: try reader.readString(), period: try reader.readString())
        let publishedOn = try reader.readDay()
        let fileName = try reader.readString()
        let sha = try reader.readBlob()
        let rowCount = try reader.readCount()
        let base = try reader.readOptionalReleaseID()
        self.init(
            id: id, scope: scope, publishedOn: publishedOn, fileName: fileName, fileSHA256: sha,
            rowCount: rowCount, base: base)
    }

    /// Decodes a whole release record.
    public init(encoded bytes: [UInt8]) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        try self.init(from: &reader)
        guard reader.isAtEnd else { throw RecordDecodingError(offset: reader.offset, expected: "end of release") }
    }
}
