/// A registration row as the projections read it: the fields the counting rules, the
/// breakdowns, growth and the funding bands use, and nothing else (no TLV number text, no
/// reason, no flow markers). Stored packed per release (`PackedCountingRows`), so a count reads
/// one release without decoding its full rows.
public struct CountingRow: CountingFields, Hashable, Sendable {
    /// The pupil.
    public var pgn: PGN
    /// Instellingscode.
    public var institution: String
    /// Vestiging.
    public var branch: String
    /// SO or VSO.
    public var schoolType: SchoolType
    /// Cluster 1–4.
    public var cluster: UInt8?
    /// Soort verblijf 0–6.
    public var residence: UInt8?
    /// Datum inschrijving.
    public var enrolledFrom: Day
    /// Datum uitschrijving.
    public var enrolledUntil: Day?
    /// First day of the row's period.
    public var periodStart: Day
    /// Last day of the row's period, inclusive; nil when open.
    public var periodEnd: Day?
    /// Whether the row has a TLV number.
    public var hasTLVNumber: Bool
    /// The SWV code that starts the TLV number (`VO2508` of `VO2508-2021-00012`), when it has one.
    public var tlvNumberIssuer: String?
    /// The SWV the row names as the issuer of its TLV.
    public var payingSwv: String?
    /// Bekostigingscategorie of the TLV.
    public var category: FundingCategory?
    /// Datum ingang TLV.
    public var tlvFrom: Day?
    /// Datum einde TLV.
    public var tlvUntil: Day?
    /// Bekostigd.
    public var funded: Bool
    /// Geboortedatum, for the funding's age bands. Personal data.
    public var birthDate: Day?

    /// The row identity: (pgn, institution, branch, periodStart).
    public var key: RegistrationKey {
        RegistrationKey(pgn: pgn, institution: institution, branch: branch, periodStart: periodStart)
    }

    /// The SWV code a TLV number starts with (`VO2508-2021-00012` → `VO2508`): `PO` or `VO` and
    /// four digits up to the first `-` (leading dashes skipped); nil when it starts otherwise.
    package static func issuer(ofTLVNumber number: String) -> String? {
        if number.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: bytes are characters (a CR LF pair is one, but no digit either way).
            let prefix = number.utf8.drop { $0 == UInt8(ascii: "-") }.prefix { $0 != UInt8(ascii: "-") }
            guard prefix.count == 6, prefix.starts(with: "PO".utf8) || prefix.starts(with: "VO".utf8),
                prefix.dropFirst(2).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { return nil }
            return String(Substring(prefix))
        }
        let prefix = number.drop { $0 == "-" }.prefix { $0 != "-" }
        guard prefix.count == 6, prefix.hasPrefix("PO") || prefix.hasPrefix("VO"), prefix.dropFirst(2).allSatisfy(\.isNumber)
        else { return nil }
        return String(prefix)
    }
}

extension CountingRow {
    /// The counting fields of `row`.
    public init(_ row: Registration) {
        pgn = row.pgn
        institution = row.institution
        branch = row.branch
        schoolType = row.schoolType
        cluster = row.cluster
        residence = row.residence
        enrolledFrom = row.enrolledFrom
        enrolledUntil = row.enrolledUntil
        periodStart = row.periodStart
        periodEnd = row.periodEnd
        hasTLVNumber = row.tlvNumber != nil
        tlvNumberIssuer = row.tlvNumber.flatMap(CountingRow.issuer(ofTLVNumber:))
        payingSwv = row.payingSwv
        category = row.category
        tlvFrom = row.tlvFrom
        tlvUntil = row.tlvUntil
        funded = row.funded
        birthDate = row.birthDate
    }
}
