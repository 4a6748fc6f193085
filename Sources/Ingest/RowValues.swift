import Ledger

/// The typed values a row's cells gave, written cell by cell straight into the `Registration`
/// they make: no detour through text, a dictionary or a second copy of the row.
struct RowValues {
    /// A field a registration cannot do without, missing from the row.
    struct Missing: Error {
        /// The field.
        let field: Registration.Field
    }

    /// The registration being built: placeholders in the required fields until their cells are
    /// read, nil in the others.
    private var draft: Registration
    /// The fields that have a value, one bit each (`Registration.Field.presenceBit`).
    private var present: UInt64 = 0

    /// Values for no field yet, with `placeholder` (any pupil) in the pupil field and
    /// placeholders in the other required ones, which count as missing until they are set.
    init(placeholder: PGN) {
        draft = RowValues.blank(pgn: placeholder)
    }

    /// A registration to build rows on: `pgn` and placeholders in the required fields, nothing
    /// in the others.
    static func blank(pgn: PGN) -> Registration {
        Registration(
            pgn: pgn, institution: "", branch: "", schoolType: .so, enrolledFrom: Day(daysSinceEpoch: 0),
            periodStart: Day(daysSinceEpoch: 0), funded: false)
    }

    /// The bits of `fields`, for `hasAll(_:)`.
    static func bits(of fields: some Sequence<Registration.Field>) -> UInt64 {
        fields.reduce(0) { $0 | $1.presenceBit }
    }

    /// Whether every field of `fields` (as `bits(of:)` gives them) has a value.
    func hasAll(_ fields: UInt64) -> Bool {
        present & fields == fields
    }

    /// Reads the trimmed, non-empty `cell` as `type` does into `field`; false when the cell is
    /// not of the type. `serialDates` reads a number in a date cell as an Excel serial day.
    mutating func read(
        _ cell: UnsafeBufferPointer<UInt8>, as type: FieldType, into field: Registration.Field, range: ClosedRange<Int>?,
        serialDates: ExcelDateSystem?
    ) -> Bool {
        switch type {
        case .pgn:
            guard let value = FieldType.pgn(cell) else { return false }
            set(field, pgn: value)
        case .swvCode, .institution, .branch, .tlvNumber, .text:
            guard let value = type.text(of: cell) else { return false }
            set(field, text: value)
        case .date:
            guard let value = DateText.day(utf8: cell) ?? serialDates?.day(cell) else { return false }
            set(field, day: value)
        case .schoolType:
            guard let value = FieldType.schoolType(cell) else { return false }
            set(field, schoolType: value)
        case .category:
            guard let value = FieldType.category(cell) else { return false }
            set(field, category: value)
        case .yesNo:
            guard let value = FieldType.yesNo(cell) else { return false }
            set(field, yesNo: value)
        case .smallNumber:
            guard let value = FieldType.smallNumber(cell, range: range) else { return false }
            set(field, number: value)
        case .statedCount, .amount:
            return type.value(of: cell, range: range) != nil
        }
        return true
    }

    /// Sets `field` to `value`; a value not of the field's kind leaves the field as it was (a
    /// layout's field types give their field's kind, so it does not happen).
    mutating func set(_ field: Registration.Field, to value: CellValue) {
        switch value {
        case .pgn(let value): set(field, pgn: value)
        case .text(let value): set(field, text: value)
        case .day(let value): set(field, day: value)
        case .schoolType(let value): set(field, schoolType: value)
        case .category(let value): set(field, category: value)
        case .yesNo(let value): set(field, yesNo: value)
        case .number(let value): set(field, number: value)
        case .stated: return
        }
    }

    private mutating func set(_ field: Registration.Field, pgn value: PGN) {
        guard field == .pgn else { return }
        draft.pgn = value
        present |= field.presenceBit
    }

    /// Sets `field` to the text `value`; a field whose values are not text is left as it was.
    mutating func set(_ field: Registration.Field, text value: String) {
        switch field {
        case .swv: draft.swv = value
        case .institution: draft.institution = value
        case .branch: draft.branch = value
        case .tlvNumber: draft.tlvNumber = value
        case .payingSwv: draft.payingSwv = value
        case .unfundedReason: draft.unfundedReason = value
        default: return
        }
        present |= field.presenceBit
    }

    private mutating func set(_ field: Registration.Field, day value: Day) {
        switch field {
        case .birthDate: draft.birthDate = value
        case .enrolledFrom: draft.enrolledFrom = value
        case .enrolledUntil: draft.enrolledUntil = value
        case .periodStart: draft.periodStart = value
        case .periodEnd: draft.periodEnd = value
        case .tlvFrom: draft.tlvFrom = value
        case .tlvUntil: draft.tlvUntil = value
        default: return
        }
        present |= field.presenceBit
    }

    private mutating func set(_ field: Registration.Field, schoolType value: SchoolType) {
        guard field == .schoolType else { return }
        draft.schoolType = value
        present |= field.presenceBit
    }

    private mutating func set(_ field: Registration.Field, category value: FundingCategory) {
        guard field == .category else { return }
        draft.category = value
        present |= field.presenceBit
    }

    private mutating func set(_ field: Registration.Field, yesNo value: Bool) {
        switch field {
        case .funded: draft.funded = value
        case .inflow: draft.inflow = value
        case .outflow: draft.outflow = value
        case .transfer: draft.transfer = value
        default: return
        }
        present |= field.presenceBit
    }

    private mutating func set(_ field: Registration.Field, number value: UInt8) {
        switch field {
        case .cluster: draft.cluster = value
        case .residence: draft.residence = value
        default: return
        }
        present |= field.presenceBit
    }

    /// Whether `field` has a value.
    func has(_ field: Registration.Field) -> Bool {
        present & field.presenceBit != 0
    }

    /// The value of `field`, nil when empty.
    func value(of field: Registration.Field) -> CellValue? {
        guard has(field) else { return nil }
        return switch field {
        case .swv: draft.swv.map(CellValue.text)
        case .pgn: .pgn(draft.pgn)
        case .birthDate: draft.birthDate.map(CellValue.day)
        case .institution: .text(draft.institution)
        case .branch: .text(draft.branch)
        case .schoolType: .schoolType(draft.schoolType)
        case .cluster: draft.cluster.map(CellValue.number)
        case .residence: draft.residence.map(CellValue.number)
        case .enrolledFrom: .day(draft.enrolledFrom)
        case .enrolledUntil: draft.enrolledUntil.map(CellValue.day)
        case .periodStart: .day(draft.periodStart)
        case .periodEnd: draft.periodEnd.map(CellValue.day)
        case .tlvNumber: draft.tlvNumber.map(CellValue.text)
        case .payingSwv: draft.payingSwv.map(CellValue.text)
        case .category: draft.category.map(CellValue.category)
        case .tlvFrom: draft.tlvFrom.map(CellValue.day)
        case .tlvUntil: draft.tlvUntil.map(CellValue.day)
        case .funded: .yesNo(draft.funded)
        case .unfundedReason: draft.unfundedReason.map(CellValue.text)
        case .inflow: draft.inflow.map(CellValue.yesNo)
        case .outflow: draft.outflow.map(CellValue.yesNo)
        case .transfer: draft.transfer.map(CellValue.yesNo)
        }
    }

    /// The registration these values make.
    /// - Throws: `Missing` for the first required field without a value (pupil, school type,
    ///   funded, enrolment date, period start, instelling, vestiging).
    consuming func registration() throws(Missing) -> Registration {
        if !hasAll(RowValues.requiredFields) {
            let required: [Registration.Field] = [.pgn, .schoolType, .funded, .enrolledFrom, .periodStart, .institution, .branch]
            if let field = required.first(where: { !has($0) }) { throw Missing(field: field) }
        }
        return draft
    }

    /// The bits of the fields a registration cannot do without.
    private static var requiredFields: UInt64 {
        Registration.Field.pgn.presenceBit | Registration.Field.schoolType.presenceBit | Registration.Field.funded.presenceBit
            | Registration.Field.enrolledFrom.presenceBit | Registration.Field.periodStart.presenceBit
            | Registration.Field.institution.presenceBit | Registration.Field.branch.presenceBit
    }
}
