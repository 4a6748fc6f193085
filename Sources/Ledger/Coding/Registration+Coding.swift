extension Registration {
    /// Version of the row encoding below; bump when it changes and keep decoding the old one.
    package static let encodingVersion: UInt8 = 1

    /// Writes the row in its compact binary form: a presence mask of the optional fields,
    /// then every present field in `Field` order.
    public func encode(into writer: inout ByteWriter) {
        writer.write(byte: Registration.encodingVersion)
        writer.write(varint: presentFields)
        func put(_ value: String?) { if let value { writer.write(string: value) } }
        func put(_ value: Day?) { if let value { writer.write(day: value) } }
        func put(_ value: UInt8?) { if let value { writer.write(byte: value) } }
        func put(_ value: Bool?) { if let value { writer.write(byte: value ? 1 : 0) } }
        put(swv)
        writer.write(varint: UInt64(pgn.value))
        put(birthDate)
        put(institution)
        put(branch)
        writer.write(byte: schoolType == .so ? 0 : 1)
        put(cluster)
        put(residence)
        put(enrolledFrom)
        put(enrolledUntil)
        put(periodStart)
        put(periodEnd)
        put(tlvNumber)
        put(payingSwv)
        put(category?.rawValue)
        put(tlvFrom)
        put(tlvUntil)
        put(funded)
        put(unfundedReason)
        put(inflow)
        put(outflow)
        put(transfer)
    }

    /// The presence mask of the encoding: a field's `presenceBit` is set when it has a value
    /// (`text(of:)` is not nil); required fields always have one.
    package var presentFields: UInt64 {
        var present = Registration.requiredFieldBits
        func mark(_ field: Field, _ isPresent: Bool) { if isPresent { present |= field.presenceBit } }
        mark(.swv, swv != nil)
        mark(.birthDate, birthDate != nil)
        mark(.cluster, cluster != nil)
        mark(.residence, residence != nil)
        mark(.enrolledUntil, enrolledUntil != nil)
        mark(.periodEnd, periodEnd != nil)
        mark(.tlvNumber, tlvNumber != nil)
        mark(.payingSwv, payingSwv != nil)
        mark(.category, category != nil)
        mark(.tlvFrom, tlvFrom != nil)
        mark(.tlvUntil, tlvUntil != nil)
        mark(.unfundedReason, unfundedReason != nil)
        mark(.inflow, inflow != nil)
        mark(.outflow, outflow != nil)
        mark(.transfer, transfer != nil)
        return present
    }

    /// The presence bits of the required fields.
    private static let requiredFieldBits = Field.allCases.filter(\.isRequired).reduce(0) { $0 | $1.presenceBit }

    /// The row's compact binary form.
    public var encoded: [UInt8] {
        var writer = ByteWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads a row written by `encode(into:)`.
    public init(from reader: inout ByteReader) throws(RecordDecodingError) {
        let version = try reader.readByte()
        guard version == Registration.encodingVersion else {
            throw RecordDecodingError(offset: reader.offset, expected: "row encoding version 1")
        }
        let present = try reader.readVarint()
        var bit: UInt64 = 0
        func has() -> Bool {
            defer { bit += 1 }
            return present & (1 << bit) != 0
        }
        func string() throws(RecordDecodingError) -> String? { has() ? try reader.readString() : nil }
        func day() throws(RecordDecodingError) -> Day? { has() ? try reader.readDay() : nil }
        func small() throws(RecordDecodingError) -> UInt8? { has() ? try reader.readByte() : nil }
        func flag() throws(RecordDecodingError) -> Bool? { has() ? try reader.readByte() != 0 : nil }
        func required<T>(_ value: T?, _ what: String) throws(RecordDecodingError) -> T {
            guard let value else { throw RecordDecodingError(offset: reader.offset, expected: what) }
            return value
        }
        let swv = try string()
        _ = has()
        let pgn = try required(UInt32(exactly: try reader.readVarint()).map(PGN.init(storedValue:)), "a PGN or pupil number")
        let birthDate = try day()
        let institution = try required(try string(), "an institution")
        let branch = try required(try string(), "a branch")
        _ = has()
        let schoolType: SchoolType = try reader.readByte() == 0 ? .so : .vso
        let cluster = try small()
        let residence = try small()
        let enrolledFrom = try required(try day(), "an enrolment date")
        let enrolledUntil = try day()
        let periodStart = try required(try day(), "a period start")
        self.init(
            pgn: pgn, institution: institution, branch: branch, schoolType: schoolType,
            enrolledFrom: enrolledFrom, periodStart: periodStart, funded: false)
        self.swv = swv
        self.birthDate = birthDate
        self.cluster = cluster
        self.residence = residence
        self.enrolledUntil = enrolledUntil
        periodEnd = try day()
        tlvNumber = try string()
        payingSwv = try string()
        category = try string().flatMap { FundingCategory(rawValue: $0) }
        tlvFrom = try day()
        tlvUntil = try day()
        funded = try required(try flag(), "a funded flag")
        unfundedReason = try string()
        inflow = try flag()
        outflow = try flag()
        transfer = try flag()
    }

    /// Decodes a whole stored row.
    public init(encoded bytes: [UInt8]) throws(RecordDecodingError) {
        var reader = ByteReader(bytes)
        try self.init(from: &reader)
        guard reader.isAtEnd else { throw RecordDecodingError(offset: reader.offset, expected: "end of row") }
    }
}
