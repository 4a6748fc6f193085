extension Registration {
    /// A canonical field of a registration row; the raw value is the name layouts use.
    public enum Field: String, CaseIterable, Hashable, Sendable, Comparable {
        case swv, pgn, birthDate, institution, branch, schoolType, cluster, residence
        case enrolledFrom, enrolledUntil, periodStart, periodEnd, tlvNumber, payingSwv
        case category, tlvFrom, tlvUntil, funded, unfundedReason, inflow, outflow, transfer

        /// The shape of the field's canonical text.
        public var kind: Kind {
            switch self {
            case .pgn: .pgn
            case .swv, .payingSwv: .swvCode
            case .birthDate, .enrolledFrom, .enrolledUntil, .periodStart, .periodEnd, .tlvFrom,
                .tlvUntil:
                .day
            case .institution, .branch, .tlvNumber, .unfundedReason: .text
            case .schoolType: .schoolType
            case .category: .category
            case .cluster, .residence: .smallNumber
            case .funded, .inflow, .outflow, .transfer: .yesNo
            }
        }

        /// The field's bit in a presence mask (the stored row's, a row being read): 1 << its
        /// position in `allCases`.
        public var presenceBit: UInt64 {
            switch self {
            case .swv: 1 << 0
            case .pgn: 1 << 1
            case .birthDate: 1 << 2
            case .institution: 1 << 3
            case .branch: 1 << 4
            case .schoolType: 1 << 5
            case .cluster: 1 << 6
            case .residence: 1 << 7
            case .enrolledFrom: 1 << 8
            case .enrolledUntil: 1 << 9
            case .periodStart: 1 << 10
            case .periodEnd: 1 << 11
            case .tlvNumber: 1 << 12
            case .payingSwv: 1 << 13
            case .category: 1 << 14
            case .tlvFrom: 1 << 15
            case .tlvUntil: 1 << 16
            case .funded: 1 << 17
            case .unfundedReason: 1 << 18
            case .inflow: 1 << 19
            case .outflow: 1 << 20
            case .transfer: 1 << 21
            }
        }

        /// Whether a row cannot exist without this field.
        public var isRequired: Bool {
            switch self {
            case .pgn, .institution, .branch, .schoolType, .enrolledFrom, .periodStart, .funded: true
            default: false
            }
        }

        /// Whether the value is personal data that must be masked in output.
        public var isPersonal: Bool { self == .pgn || self == .birthDate }

        public static func < (lhs: Field, rhs: Field) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// The shape of a field's canonical text.
    public enum Kind: String, Sendable {
        /// Nine digits.
        case pgn
        /// `PO2707` / `VO2508`.
        case swvCode
        /// `jjjj-mm-dd`.
        case day
        /// Free text.
        case text
        /// `SO` / `VSO`.
        case schoolType
        /// `L` / `M` / `H`.
        case category
        /// A small non-negative integer.
        case smallNumber
        /// `J` / `N`.
        case yesNo
    }

    /// The canonical text of `field`, nil when empty. PGN and birth date unmasked: mask on output.
    public func text(of field: Field) -> String? {
        switch field {
        case .swv: swv
        case .pgn: pgn.digits
        case .birthDate: birthDate?.iso
        case .institution: institution
        case .branch: branch
        case .schoolType: schoolType.rawValue
        case .cluster: cluster.map { String($0) }
        case .residence: residence.map { String($0) }
        case .enrolledFrom: enrolledFrom.iso
        case .enrolledUntil: enrolledUntil?.iso
        case .periodStart: periodStart.iso
        case .periodEnd: periodEnd?.iso
        case .tlvNumber: tlvNumber
        case .payingSwv: payingSwv
        case .category: category?.rawValue
        case .tlvFrom: tlvFrom?.iso
        case .tlvUntil: tlvUntil?.iso
        case .funded: funded ? "J" : "N"
        case .unfundedReason: unfundedReason
        case .inflow: inflow.map { $0 ? "J" : "N" }
        case .outflow: outflow.map { $0 ? "J" : "N" }
        case .transfer: transfer.map { $0 ? "J" : "N" }
        }
    }

    /// Whether `other` has the same value of `field` (the same `text(of:)`), compared without
    /// making the texts.
    public func hasSameValue(of field: Field, as other: Registration) -> Bool {
        switch field {
        case .swv: swv == other.swv
        case .pgn: pgn == other.pgn
        case .birthDate: birthDate == other.birthDate
        case .institution: institution == other.institution
        case .branch: branch == other.branch
        case .schoolType: schoolType == other.schoolType
        case .cluster: cluster == other.cluster
        case .residence: residence == other.residence
        case .enrolledFrom: enrolledFrom == other.enrolledFrom
        case .enrolledUntil: enrolledUntil == other.enrolledUntil
        case .periodStart: periodStart == other.periodStart
        case .periodEnd: periodEnd == other.periodEnd
        case .tlvNumber: tlvNumber == other.tlvNumber
        case .payingSwv: payingSwv == other.payingSwv
        case .category: category == other.category
        case .tlvFrom: tlvFrom == other.tlvFrom
        case .tlvUntil: tlvUntil == other.tlvUntil
        case .funded: funded == other.funded
        case .unfundedReason: unfundedReason == other.unfundedReason
        case .inflow: inflow == other.inflow
        case .outflow: outflow == other.outflow
        case .transfer: transfer == other.transfer
        }
    }

    /// The text of `field` fit to show anyone: personal fields masked.
    public func displayText(of field: Field) -> String? {
        Registration.display(text(of: field), of: field)
    }

    /// Masks `text` when `field` is personal data.
    public static func display(_ text: String?, of field: Field) -> String? {
        guard let text, field.isPersonal else { return text }
        return field == .pgn ? PGN(digits: text)?.masked ?? "*********" : "**-**-****"
    }

    /// Sets `field` from its canonical text (nil = empty).
    /// - Throws: `FieldValueError` when the text is not canonical for the field or a required
    ///   field is emptied.
    public mutating func set(_ field: Field, text: String?) throws(FieldValueError) {
        func fail() -> FieldValueError { FieldValueError(field: field, text: text) }
        func day() throws(FieldValueError) -> Day? {
            guard let text else { return nil }
            guard let value = Day(iso: text) else { throw fail() }
            return value
        }
        func yesNo() throws(FieldValueError) -> Bool? {
            switch text {
            case nil: nil
            case "J": true
            case "N": false
            default: throw fail()
            }
        }
        func number() throws(FieldValueError) -> UInt8? {
            guard let text else { return nil }
            guard let value = UInt8(text) else { throw fail() }
            return value
        }
        func required<T>(_ value: T?) throws(FieldValueError) -> T {
            guard let value else { throw fail() }
            return value
        }
        switch field {
        case .swv: swv = text
        case .pgn: pgn = try required(text.flatMap { PGN(digits: $0) })
        case .birthDate: birthDate = try day()
        case .institution: institution = try required(text)
        case .branch: branch = try required(text)
        case .schoolType: schoolType = try required(text.flatMap { SchoolType(rawValue: $0) })
        case .cluster: cluster = try number()
        case .residence: residence = try number()
        case .enrolledFrom: enrolledFrom = try required(day())
        case .enrolledUntil: enrolledUntil = try day()
        case .periodStart: periodStart = try required(day())
        case .periodEnd: periodEnd = try day()
        case .tlvNumber: tlvNumber = text
        case .payingSwv: payingSwv = text
        case .category:
            guard let text else { category = nil; return }
            category = try required(FundingCategory(rawValue: text))
        case .tlvFrom: tlvFrom = try day()
        case .tlvUntil: tlvUntil = try day()
        case .funded: funded = try required(yesNo())
        case .unfundedReason: unfundedReason = text
        case .inflow: inflow = try yesNo()
        case .outflow: outflow = try yesNo()
        case .transfer: transfer = try yesNo()
        }
    }
}
