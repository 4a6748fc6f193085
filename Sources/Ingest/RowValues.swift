import Ledger

/// The typed values a row's cells gave, by field: gathered cell by cell, then made into a
/// `Registration` without a detour through text or a dictionary.
struct RowValues {
    /// A field a registration cannot do without, missing from the row.
    struct Missing: Error {
        /// The field.
        let field: Registration.Field
    }

    private var swv: String?
    private var pgn: PGN?
    private var birthDate: Day?
    private var institution: String?
    private var branch: String?
    private var schoolType: SchoolType?
    private var cluster: UInt8?
    private var residence: UInt8?
    private var enrolledFrom: Day?
    private var enrolledUntil: Day?
    private var periodStart: Day?
    private var periodEnd: Day?
    private var tlvNumber: String?
    private var payingSwv: String?
    private var category: FundingCategory?
    private var tlvFrom: Day?
    private var tlvUntil: Day?
    private var funded: Bool?
    private var unfundedReason: String?
    private var inflow: Bool?
    private var outflow: Bool?
    private var transfer: Bool?

    /// Sets `field` to `value`; a value not of the field's kind leaves the field as it was (a
    /// layout's field types give their field's kind, so it does not happen).
    mutating func set(_ field: Registration.Field, to value: CellValue) {
        switch field {
        case .swv: if case .text(let value) = value { swv = value }
        case .pgn: if case .pgn(let value) = value { pgn = value }
        case .birthDate: if case .day(let value) = value { birthDate = value }
        case .institution: if case .text(let value) = value { institution = value }
        case .branch: if case .text(let value) = value { branch = value }
        case .schoolType: if case .schoolType(let value) = value { schoolType = value }
        case .cluster: if case .number(let value) = value { cluster = value }
        case .residence: if case .number(let value) = value { residence = value }
        case .enrolledFrom: if case .day(let value) = value { enrolledFrom = value }
        case .enrolledUntil: if case .day(let value) = value { enrolledUntil = value }
        case .periodStart: if case .day(let value) = value { periodStart = value }
        case .periodEnd: if case .day(let value) = value { periodEnd = value }
        case .tlvNumber: if case .text(let value) = value { tlvNumber = value }
        case .payingSwv: if case .text(let value) = value { payingSwv = value }
        case .category: if case .category(let value) = value { category = value }
        case .tlvFrom: if case .day(let value) = value { tlvFrom = value }
        case .tlvUntil: if case .day(let value) = value { tlvUntil = value }
        case .funded: if case .yesNo(let value) = value { funded = value }
        case .unfundedReason: if case .text(let value) = value { unfundedReason = value }
        case .inflow: if case .yesNo(let value) = value { inflow = value }
        case .outflow: if case .yesNo(let value) = value { outflow = value }
        case .transfer: if case .yesNo(let value) = value { transfer = value }
        }
    }

    /// Whether `field` has a value.
    func has(_ field: Registration.Field) -> Bool {
        switch field {
        case .swv: swv != nil
        case .pgn: pgn != nil
        case .birthDate: birthDate != nil
        case .institution: institution != nil
        case .branch: branch != nil
        case .schoolType: schoolType != nil
        case .cluster: cluster != nil
        case .residence: residence != nil
        case .enrolledFrom: enrolledFrom != nil
        case .enrolledUntil: enrolledUntil != nil
        case .periodStart: periodStart != nil
        case .periodEnd: periodEnd != nil
        case .tlvNumber: tlvNumber != nil
        case .payingSwv: payingSwv != nil
        case .category: category != nil
        case .tlvFrom: tlvFrom != nil
        case .tlvUntil: tlvUntil != nil
        case .funded: funded != nil
        case .unfundedReason: unfundedReason != nil
        case .inflow: inflow != nil
        case .outflow: outflow != nil
        case .transfer: transfer != nil
        }
    }

    /// The value of `field`, nil when empty.
    func value(of field: Registration.Field) -> CellValue? {
        switch field {
        case .swv: swv.map(CellValue.text)
        case .pgn: pgn.map(CellValue.pgn)
        case .birthDate: birthDate.map(CellValue.day)
        case .institution: institution.map(CellValue.text)
        case .branch: branch.map(CellValue.text)
        case .schoolType: schoolType.map(CellValue.schoolType)
        case .cluster: cluster.map(CellValue.number)
        case .residence: residence.map(CellValue.number)
        case .enrolledFrom: enrolledFrom.map(CellValue.day)
        case .enrolledUntil: enrolledUntil.map(CellValue.day)
        case .periodStart: periodStart.map(CellValue.day)
        case .periodEnd: periodEnd.map(CellValue.day)
        case .tlvNumber: tlvNumber.map(CellValue.text)
        case .payingSwv: payingSwv.map(CellValue.text)
        case .category: category.map(CellValue.category)
        case .tlvFrom: tlvFrom.map(CellValue.day)
        case .tlvUntil: tlvUntil.map(CellValue.day)
        case .funded: funded.map(CellValue.yesNo)
        case .unfundedReason: unfundedReason.map(CellValue.text)
        case .inflow: inflow.map(CellValue.yesNo)
        case .outflow: outflow.map(CellValue.yesNo)
        case .transfer: transfer.map(CellValue.yesNo)
        }
    }

    /// The registration these values make.
    /// - Throws: `Missing` for the first required field without a value (pupil, school type,
    ///   funded, enrolment date, period start, instelling, vestiging).
    consuming func registration() throws(Missing) -> Registration {
        guard let pgn else { throw Missing(field: .pgn) }
        guard let schoolType else { throw Missing(field: .schoolType) }
        guard let funded else { throw Missing(field: .funded) }
        guard let enrolledFrom else { throw Missing(field: .enrolledFrom) }
        guard let periodStart else { throw Missing(field: .periodStart) }
        guard let institution else { throw Missing(field: .institution) }
        guard let branch else { throw Missing(field: .branch) }
        var registration = Registration(
            pgn: pgn, institution: institution, branch: branch, schoolType: schoolType,
            enrolledFrom: enrolledFrom, periodStart: periodStart, funded: funded)
        registration.swv = swv
        registration.birthDate = birthDate
        registration.cluster = cluster
        registration.residence = residence
        registration.enrolledUntil = enrolledUntil
        registration.periodEnd = periodEnd
        registration.tlvNumber = tlvNumber
        registration.payingSwv = payingSwv
        registration.category = category
        registration.tlvFrom = tlvFrom
        registration.tlvUntil = tlvUntil
        registration.unfundedReason = unfundedReason
        registration.inflow = inflow
        registration.outflow = outflow
        registration.transfer = transfer
        return registration
    }
}
