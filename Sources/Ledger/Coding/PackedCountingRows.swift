/// One release's counting rows in their stored form, read in place: a record's fields are
/// decoded as they are asked for, so judging a release's rows allocates nothing per row.
///
/// The bytes: a version byte, the row count and the number of distinct strings (UInt32
/// little-endian), one fixed-width record per row in identity order, then the table of the
/// strings (UInt32 little-endian lengths, UTF-8; after the records, so packing writes the
/// records where they stay). A record, little-endian: pgn (UInt32); institution, branch, paying SWV + 1 and TLV
/// number issuer + 1 as string-table indices (UInt32, 0 for none); period start and end,
/// enrolment from and until, TLV from and until, birth date (Int32 days, 0 when absent);
/// cluster and soort verblijf (UInt8); flags (UInt16, `PackedFlags`).
package struct PackedCountingRows: Sendable {
    /// Version of the form above; bump `ProjectionStamp` with it, so ledgers rebuild.
    package static let version: UInt8 = 3
    /// Bytes before the first record: version, row count, string count.
    private static let headerSize = 9
    /// Bytes of one record.
    package static let width = 52

    /// The stored bytes.
    package let bytes: [UInt8]
    /// The number of rows.
    package let count: Int
    private let strings: [String]
    private let recordsStart: Int

    /// Packs `rows` (one release's, in identity order).
    package init(_ rows: [CountingRow]) {
        var builder = Builder(capacity: rows.count)
        for row in rows { builder.append(row) }
        self = builder.packed()
    }

    /// The counting rows `sources` takes from `packings` (source `k` is `packings[k]`): the
    /// bytes are those of packing every row anew.
    /// - Throws: when a run takes rows its packing does not have.
    package init(sources: RowSources, packings: [PackedCountingRows]) throws(RecordDecodingError) {
        guard sources.runs.allSatisfy({ $0.source < packings.count && $0.start + $0.count <= packings[$0.source].count }) else {
            throw RecordDecodingError(offset: 0, expected: "runs within the counting rows they are taken from")
        }
        var builder = Builder(capacity: sources.count)
        var numbers = packings.map { [UInt32](repeating: .max, count: $0.strings.count) }
        for run in sources.runs {
            packings[run.source].withRecords { records in
                builder.append(records, run.start..<run.start + run.count, renumbering: &numbers[run.source])
            }
        }
        self = builder.packed()
    }

    private init(bytes: [UInt8], count: Int, strings: [String], recordsStart: Int) {
        self.bytes = bytes
        self.count = count
        self.strings = strings
        self.recordsStart = recordsStart
    }

    /// Packs records one by one, numbering the distinct strings in order of first use.
    private struct Builder {
        private var strings: [String] = []
        private var stringIndex: [String: UInt32] = [:]
        private var records: [UInt8] = []
        private var count = 0

        /// The record fields holding a string index (optional ones store index + 1, 0 for none).
        private static let stringFields: [(offset: Int, optional: Bool)] = [(4, false), (8, false), (12, true), (16, true)]

        /// A builder for `capacity` rows.
        init(capacity: Int) {
            records.reserveCapacity(PackedCountingRows.headerSize + capacity * PackedCountingRows.width + 4_096)
            records.append(contentsOf: repeatElement(0, count: PackedCountingRows.headerSize))
        }

        private mutating func index(of text: String) -> UInt32 {
            if let known = stringIndex[text] { return known }
            let new = UInt32(strings.count)
            strings.append(text)
            stringIndex[text] = new
            return new
        }

        /// Appends the record of `row`.
        mutating func append(_ row: CountingRow) {
            let start = records.count
            records.append(contentsOf: repeatElement(0, count: PackedCountingRows.width))
            let institution = index(of: row.institution)
            let branch = index(of: row.branch)
            let payingSwv = row.payingSwv.map { index(of: $0) + 1 } ?? 0
            let issuer = row.tlvNumberIssuer.map { index(of: $0) + 1 } ?? 0
            records.withUnsafeMutableBytes { records in
                func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
                    records.storeBytes(of: value.littleEndian, toByteOffset: start + offset, as: T.self)
                }
                put(row.pgn.value, at: 0)
                put(institution, at: 4)
                put(branch, at: 8)
                put(payingSwv, at: 12)
                put(issuer, at: 16)
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
            count += 1
        }

        /// Appends copies of the records `range` of another packing, their strings renumbered
        /// for this one; `numbers` maps that packing's string indices to this one's (`.max`
        /// until used). One copy of the run's bytes, then one pass renumbering in place.
        mutating func append(_ source: Records, _ range: Range<Int>, renumbering numbers: inout [UInt32]) {
            let width = PackedCountingRows.width
            let start = records.count
            let from = source.recordsStart + range.lowerBound * width
            records.append(contentsOf: UnsafeRawBufferPointer(rebasing: source.raw[from..<from + range.count * width]))
            var renumbered = records
            records = []
            renumbered.withUnsafeMutableBytes { bytes in
                for record in 0..<range.count {
                    let at = start + record * width
                    for field in Builder.stringFields {
                        var stored = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + field.offset, as: UInt32.self)))
                        if field.optional {
                            guard stored > 0 else { continue }
                            stored -= 1
                        }
                        if numbers[stored] == .max { numbers[stored] = index(of: source.strings[stored]) }
                        let number = numbers[stored] + (field.optional ? 1 : 0)
                        bytes.storeBytes(of: number.littleEndian, toByteOffset: at + field.offset, as: UInt32.self)
                    }
                }
            }
            records = renumbered
            count += range.count
        }

        /// The packed rows, the builder used up.
        consuming func packed() -> PackedCountingRows {
            var bytes = records
            records = []
            bytes[0] = PackedCountingRows.version
            bytes.withUnsafeMutableBytes { header in
                header.storeBytes(of: UInt32(count).littleEndian, toByteOffset: 1, as: UInt32.self)
                header.storeBytes(of: UInt32(strings.count).littleEndian, toByteOffset: 5, as: UInt32.self)
            }
            for text in strings {
                withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes += text.utf8
            }
            return PackedCountingRows(bytes: bytes, count: count, strings: strings, recordsStart: PackedCountingRows.headerSize)
        }
    }

    /// Reads stored bytes, checking them whole: version, sizes, string table, and in every
    /// record string indices inside the table and only known flags (every UInt32 is a PGN or a
    /// pupil number).
    package init(stored bytes: [UInt8]) throws(RecordDecodingError) {
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
        let recordsStart = offset
        guard count <= bytes.count / Self.width, bytes.count - recordsStart >= count * Self.width, stringCount <= bytes.count else {
            throw RecordDecodingError(offset: offset, expected: "\(count) records of \(Self.width) bytes")
        }
        offset += count * Self.width
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
        guard offset == bytes.count else { throw RecordDecodingError(offset: offset, expected: "the end of the string table") }
        let firstBad = bytes.withUnsafeBytes { raw in
            stride(from: recordsStart, to: recordsStart + count * Self.width, by: Self.width).first { start in
                func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + at, as: UInt32.self))) }
                let flags = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 50, as: UInt16.self))
                return u32(4) >= stringCount || u32(8) >= stringCount || u32(12) > stringCount
                    || u32(16) > stringCount || flags & ~PackedFlags.known != 0
            }
        }
        if let firstBad { throw RecordDecodingError(offset: firstBad, expected: "a counting row") }
        self.bytes = bytes
        self.count = count
        self.strings = strings
        self.recordsStart = recordsStart
    }

    /// Calls `body` with the records, read in place; they are valid only during the call.
    package func withRecords<R>(_ body: (Records) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try strings.withUnsafeBufferPointer { strings in
                try body(Records(raw: raw, strings: strings, recordsStart: recordsStart))
            }
        }
    }

    /// Row `index`, decoded.
    package subscript(index: Int) -> CountingRow {
        withRecords { $0[index].decoded }
    }

    /// The records of a `PackedCountingRows`, read in place.
    package struct Records {
        fileprivate let raw: UnsafeRawBufferPointer
        fileprivate let strings: UnsafeBufferPointer<String>
        fileprivate let recordsStart: Int

        /// Record `index`.
        package subscript(index: Int) -> Record {
            Record(raw: raw, strings: strings, start: recordsStart + index * PackedCountingRows.width)
        }
    }

    /// One record read in place: each field is decoded when asked for.
    package struct Record: CountingFields {
        fileprivate let raw: UnsafeRawBufferPointer
        fileprivate let strings: UnsafeBufferPointer<String>
        fileprivate let start: Int

        fileprivate func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + at, as: UInt32.self)) }
        private func day(_ at: Int) -> Day { Day(daysSinceEpoch: Int32(bitPattern: u32(at))) }
        private func day(_ at: Int, if flag: PackedFlags) -> Day? { flags.contains(flag) ? day(at) : nil }
        private func optionalString(_ at: Int) -> String? { u32(at) == 0 ? nil : strings[Int(u32(at)) - 1] }
        private var flags: PackedFlags {
            PackedFlags(rawValue: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 50, as: UInt16.self)))
        }

        package var pgn: PGN { PGN(storedValue: u32(0)) }
        package var institution: String { strings[Int(u32(4))] }
        package var branch: String { strings[Int(u32(8))] }
        package var payingSwv: String? { optionalString(12) }
        package var tlvNumberIssuer: String? { optionalString(16) }
        package var periodStart: Day { day(20) }
        package var periodEnd: Day? { day(24, if: .hasPeriodEnd) }
        package var enrolledFrom: Day { day(28) }
        package var enrolledUntil: Day? { day(32, if: .hasEnrolledUntil) }
        package var hasTLVNumber: Bool { flags.contains(.hasTLVNumber) }
        package var tlvFrom: Day? { day(36, if: .hasTLVFrom) }
        package var tlvUntil: Day? { day(40, if: .hasTLVUntil) }
        package var funded: Bool { flags.contains(.funded) }
        package var cluster: UInt8? { flags.contains(.hasCluster) ? raw[start + 48] : nil }
        package var residence: UInt8? { flags.contains(.hasResidence) ? raw[start + 49] : nil }

        /// The whole row.
        package var decoded: CountingRow {
            CountingRow(
                pgn: pgn, institution: institution, branch: branch,
                schoolType: flags.contains(.vso) ? .vso : .so, cluster: cluster, residence: residence,
                enrolledFrom: enrolledFrom, enrolledUntil: enrolledUntil, periodStart: periodStart, periodEnd: periodEnd,
                hasTLVNumber: hasTLVNumber, tlvNumberIssuer: tlvNumberIssuer, payingSwv: payingSwv,
                category: flags.category, tlvFrom: tlvFrom, tlvUntil: tlvUntil, funded: funded,
                birthDate: day(44, if: .hasBirthDate))
        }
    }
}

/// The flag bits of a packed counting row: booleans, which optional fields are present, and
/// the category in bits 10–11 (0 none, 1 L, 2 M, 3 H).
private struct PackedFlags: OptionSet {
    package let rawValue: UInt16

    package static let funded = PackedFlags(rawValue: 1 << 0)
    package static let hasTLVNumber = PackedFlags(rawValue: 1 << 1)
    package static let vso = PackedFlags(rawValue: 1 << 2)
    package static let hasCluster = PackedFlags(rawValue: 1 << 3)
    package static let hasResidence = PackedFlags(rawValue: 1 << 4)
    package static let hasPeriodEnd = PackedFlags(rawValue: 1 << 5)
    package static let hasEnrolledUntil = PackedFlags(rawValue: 1 << 6)
    package static let hasTLVFrom = PackedFlags(rawValue: 1 << 7)
    package static let hasTLVUntil = PackedFlags(rawValue: 1 << 8)
    package static let hasBirthDate = PackedFlags(rawValue: 1 << 9)
    private static let categoryShift: UInt16 = 10
    /// Every bit in use.
    package static let known: UInt16 = 0x0FFF

    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The flags of `row`.
    package init(_ row: CountingRow) {
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
    package var category: FundingCategory? {
        switch rawValue >> PackedFlags.categoryShift & 0b11 {
        case 1: .low
        case 2: .medium
        case 3: .high
        default: nil
        }
    }
}
