extension RegistrationKey {
    package func encode(into writer: inout ByteWriter) {
        writer.write(varint: UInt64(pgn.value))
        writer.write(string: institution)
        writer.write(string: branch)
        writer.write(day: periodStart)
    }

    package init(from reader: inout ByteReader) throws(RecordDecodingError) {
        guard let pgn = PGN(value: UInt32(truncatingIfNeeded: try reader.readVarint())) else {
            throw RecordDecodingError(offset: reader.offset, expected: "a PGN")
        }
        self.init(
            pgn: pgn, institution: try reader.readString(), branch: try reader.readString(),
            periodStart: try reader.readDay())
    }
}
