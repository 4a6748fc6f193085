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
        if content != .periods { writer.write(byte: content.rawValue) }
    }

    /// The release record's bytes.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads a release record. A record that ends after its base holds periods: the content
    /// byte is written only for the other contents, so records written before it existed read
    /// unchanged; a release record always ends its payload.
    public init(from reader: inout ByteReader) throws(RecordDecodingError) {
        let id = try reader.readReleaseID()
        let scope = Scope(product: try reader.readString(), swv: try reader.readString(), period: try reader.readString())
        let publishedOn = try reader.readDay()
        let fileName = try reader.readString()
        let sha = try reader.readBlob()
        let rowCount = try reader.readCount()
        let base = try reader.readOptionalReleaseID()
        var content = ReleaseContent.periods
        if !reader.isAtEnd {
            let code = try reader.readByte()
            guard let stated = ReleaseContent(rawValue: code), stated != .periods else {
                throw RecordDecodingError(offset: reader.offset, expected: "a release content code 1 or 2")
            }
            content = stated
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
