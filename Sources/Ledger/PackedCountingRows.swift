/// One release's counting rows in their stored form, read in place: a row is decoded only when
/// asked for, so reading a release allocates nothing per row.
///
/// The bytes: a version byte, the row count and a table of the distinct strings (UInt32
/// little-endian counts and lengths, UTF-8), then one fixed-width record per row in identity
/// order. A record, little-endian: pgn (UInt32); institution, branch, paying SWV + 1 and TLV
/// number issuer + 1 as string-table indices (UInt32, 0 for none); period start and end,
/// enrolment from and until, TLV from and until, birth date (Int32 days, 0 when absent);
/// cluster and soort verblijf (UInt8); flags (UInt16, `PackedFlags`).
struct PackedCountingRows: Sendable {
    /// Version of the form above; bump `ProjectionStamp` with it, so ledgers rebuild.
    static let version: UInt8 = 1
    /// Bytes of one record.
    static let width = 52

    /// The stored bytes.
    let bytes: [UInt8]
    /// The number of rows.
    let count: Int
    private let strings: [String]
    private let recordsStart: Int

    /// Packs `rows` (one release's, in identity order).
    init(_ rows: [CountingRow]) {
        var strings: [String] = []
        var stringIndex: [String: UInt32] = [:]
        func index(of text: String) -> UInt32 {
            if let known = stringIndex[text] { return known }
            let new = UInt32(strings.count)
            strings.append(text)
            stringIndex[text] = new
            return new
        }
        var records = [UInt8](repeating: 0, count: rows.count * Self.width)
        records.withUnsafeMutableBytes { records in
            for (number, row) in rows.enumerated() {
                let start = number * Self.width
                func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
                    records.storeBytes(of: value.littleEndian, toByteOffset: start + offset, as: T.self)
                }
                put(row.pgn.value, at: 0)
                put(index(of: row.institution), at: 4)
                put(index(of: row.branch), at: 8)
                put(row.payingSwv.map { index(of: $0) + 1 } ?? 0, at: 12)
                put(row.tlvNumberIssuer.map { index(of: $0) + 1 } ?? 0, at: 16)
                put(row.periodStart.daysSinceEpoch, at: 20)
                put(row.periodEnd?.daysSinceEpoch ?? 0, at: 24)
                put(row.enrolledFrom.daysSinceEpoch, at: 28)
                put(row.enrolledUntil?.daysSinceEpoch ?? 0, at: 32)
                put(row.tlvFrom?.daysSinceEpoch ?? 0, at: 36)
                put(row.tlvUntil?.daysSinceEpoch ?? 0, at: 40)
                put(row.birthDate?.daysSinceEpoch ?? 0, at: 44)
                put(row.cluster ?? 0, at: 48)
                put(row.residence ?? 0, at: 49)
                put(PackedFlags(row).rawValue, at: 50)
            }
        }
        var header: [UInt8] = [Self.version]
        func put(_ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) }
        }
        put(UInt32(rows.count))
        put(UInt32(strings.count))
        for text in strings {
            put(UInt32(text.utf8.count))
            header += text.utf8
        }
        self.strings = strings
        recordsStart = header.count
        count = rows.count
        bytes = header + records
    }

    /// Reads stored bytes, checking them whole: version, sizes, string table, and in every
    /// record a PGN, string indices inside the table and only known flags.
    init(stored bytes: [UInt8]) throws(RecordDecodingError) {
        var offset = 0
        func read32() throws(RecordDecodingError) -> Int {
            guard bytes.count - offset >= 4 else { throw RecordDecodingError(offset: offset, expected: "4 bytes") }
            defer { offset += 4 }
            return Int(UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }))
        }
        guard bytes.first == Self.version else {
            throw RecordDecodingError(offset: 0, expected: "packed counting rows version \(Self.version)")
        }
        offset = 1
        let count = try read32()
        let stringCount = try read32()
        guard stringCount <= bytes.count else { throw RecordDecodingError(offset: offset, expected: "a string count") }
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            let length = try read32()
            guard bytes.count - offset >= length, let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
                throw RecordDecodingError(offset: offset, expected: "a UTF-8 string")
            }
            strings.append(text)
            offset += length
        }
        guard count <= bytes.count / Self.width, bytes.count - offset == count * Self.width else {
            throw RecordDecodingError(offset: offset, expected: "\(count) records of \(Self.width) bytes")
        }
        let recordsStart = offset
        let firstBad = bytes.withUnsafeBytes { raw in
            stride(from: recordsStart, to: raw.count, by: Self.width).first { start in
                func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + at, as: UInt32.self))) }
                let flags = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 50, as: UInt16.self))
                return u32(0) > 999_999_999 || u32(4) >= stringCount || u32(8) >= stringCount || u32(12) > stringCount
                    || u32(16) > stringCount || flags & ~PackedFlags.known != 0
            }
        }
        if let firstBad { throw RecordDecodingError(offset: firstBad, expected: "a counting row") }
        self.bytes = bytes
        self.count = count
        self.strings = strings
        self.recordsStart = recordsStart
    }

    /// Whether row `index`'s period contains `day`, read without decoding the row.
    func isValid(_ index: Int, on day: Day) -> Bool {
        bytes.withUnsafeBytes { raw in
            let start = recordsStart + index * Self.width
            func stored(_ at: Int) -> Int32 { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + at, as: Int32.self)) }
            let flags = PackedFlags(rawValue: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 50, as: UInt16.self)))
            return stored(20) <= day.daysSinceEpoch && (!flags.contains(.hasPeriodEnd) || day.daysSinceEpoch <= stored(24))
        }
    }

    /// Row `index`, decoded.
    subscript(index: Int) -> CountingRow {
        bytes.withUnsafeBytes { raw in
            let start = recordsStart + index * Self.width
            func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + at, as: UInt32.self)) }
            func day(_ at: Int) -> Day { Day(daysSinceEpoch: Int32(bitPattern: u32(at))) }
            func string(_ at: Int) -> String { strings[Int(u32(at))] }
            func optionalString(_ at: Int) -> String? { u32(at) == 0 ? nil : strings[Int(u32(at)) - 1] }
            let flags = PackedFlags(rawValue: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 50, as: UInt16.self)))
            return CountingRow(
                pgn: PGN(uncheckedValue: u32(0)), institution: string(4), branch: string(8),
                schoolType: flags.contains(.vso) ? .vso : .so,
                cluster: flags.contains(.hasCluster) ? raw[start + 48] : nil,
                residence: flags.contains(.hasResidence) ? raw[start + 49] : nil,
                enrolledFrom: day(28), enrolledUntil: flags.contains(.hasEnrolledUntil) ? day(32) : nil,
                periodStart: day(20), periodEnd: flags.contains(.hasPeriodEnd) ? day(24) : nil,
                hasTLVNumber: flags.contains(.hasTLVNumber), tlvNumberIssuer: optionalString(16), payingSwv: optionalString(12),
                category: flags.category, tlvFrom: flags.contains(.hasTLVFrom) ? day(36) : nil,
                tlvUntil: flags.contains(.hasTLVUntil) ? day(40) : nil, funded: flags.contains(.funded),
                birthDate: flags.contains(.hasBirthDate) ? day(44) : nil)
        }
    }
}

/// The flag bits of a packed counting row: booleans, which optional fields are present, and
/// the category in bits 10–11 (0 none, 1 L, 2 M, 3 H).
private struct PackedFlags: OptionSet {
    let rawValue: UInt16

    static let funded = PackedFlags(rawValue: 1 << 0)
    static let hasTLVNumber = PackedFlags(rawValue: 1 << 1)
    static let vso = PackedFlags(rawValue: 1 << 2)
    static let hasCluster = PackedFlags(rawValue: 1 << 3)
    static let hasResidence = PackedFlags(rawValue: 1 << 4)
    static let hasPeriodEnd = PackedFlags(rawValue: 1 << 5)
    static let hasEnrolledUntil = PackedFlags(rawValue: 1 << 6)
    static let hasTLVFrom = PackedFlags(rawValue: 1 << 7)
    static let hasTLVUntil = PackedFlags(rawValue: 1 << 8)
    static let hasBirthDate = PackedFlags(rawValue: 1 << 9)
    private static let categoryShift: UInt16 = 10
    /// Every bit in use.
    static let known: UInt16 = 0x0FFF

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The flags of `row`.
    init(_ row: CountingRow) {
        var flags: PackedFlags = []
        if row.funded { flags.insert(.funded) }
        if row.hasTLVNumber { flags.insert(.hasTLVNumber) }
        if row.schoolType == .vso { flags.insert(.vso) }
        if row.cluster != nil { flags.insert(.hasCluster) }
        if row.residence != nil { flags.insert(.hasResidence) }
        if row.periodEnd != nil { flags.insert(.hasPeriodEnd) }
        if row.enrolledUntil != nil { flags.insert(.hasEnrolledUntil) }
        if row.tlvFrom != nil { flags.insert(.hasTLVFrom) }
        if row.tlvUntil != nil { flags.insert(.hasTLVUntil) }
        if row.birthDate != nil { flags.insert(.hasBirthDate) }
        let category: UInt16
        switch row.category {
        case nil: category = 0
        case .low: category = 1
        case .medium: category = 2
        case .high: category = 3
        }
        self.init(rawValue: flags.rawValue | category << PackedFlags.categoryShift)
    }

    /// The category in bits 10–11.
    var category: FundingCategory? {
        switch rawValue >> PackedFlags.categoryShift & 0b11 {
        case 1: .low
        case 2: .medium
        case 3: .high
        default: nil
        }
    }
}
