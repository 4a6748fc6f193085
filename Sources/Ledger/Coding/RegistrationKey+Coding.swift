extension RegistrationKey {
    package func encode(into writer: inout ByteWriter) {
        writer.write(varint: UInt64(pgn.value))
        writer.write(string: institution)
        writer.write(string: branch)
        writer.write(day: periodStart)
    }

    package init(from reader: inout ByteReader) throws(RecordDecodingError) {
        guard let value = UInt32(exactly: try reader.readVarint()) else {
            throw RecordDecodingError(offset: reader.offset, expected: "a PGN or pupil number")
        }
        let pgn = PGN(storedValue: value)
        self.init(
            pgn: pgn, institution: try reader.readString(), branch: try reader.readString(),
            periodStart: try reader.readDay())
    }
}
