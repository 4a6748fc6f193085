/// Where the first release of a school year speaks differently of the days before that year
/// than the previous school year's release known at its publication.
///
/// A registration that spans two school years is in both years' files, and each file answers for
/// its own days. When the new year's file rewrites such a registration's days before its own
/// school year (DUO corrected the past in the new file only), the previous year's answers stay
/// as that year's file said; this is how the discrepancy is surfaced.
public struct PreviousYearRewrite: Sendable, Equatable {
    /// How a registration of the new file differs on the previous year's days.
    public enum Difference: Sendable, Equatable {
        /// The previous year's release holds the registration with these fields otherwise.
        case changed([FieldChange])
        /// The previous year's release does not hold it: a registration of its days it never had.
        case notHeld
    }

    /// One rewritten registration.
    public struct Rewritten: Sendable, Equatable {
        /// Its identity in the new file.
        public let key: RegistrationKey
        /// How it differs.
        public let difference: Difference

        /// A rewritten registration from its parts.
        public init(key: RegistrationKey, difference: Difference) {
            self.key = key
            self.difference = difference
        }
    }

    /// The first release of its school year.
    public let release: ReleaseID
    /// The previous school year's release it is compared with.
    public let previous: ReleaseID
    /// The first day of the new school year: the rewrites concern days before it.
    public let yearStart: Day
    /// The rewritten registrations, in identity order.
    public let registrations: [Rewritten]

    /// Fields whose value rewrites every day of the row, so of the previous year too. TLV and
    /// enrolment dates and the instroom/uitstroom/doorstroom markers are compared apart or not
    /// at all: a new year's file may renew the TLV from its own first day.
    package static let rowFields: [Registration.Field] = [
        .schoolType, .cluster, .residence, .category, .funded, .payingSwv, .unfundedReason,
    ]

    /// Compares `rows` of the first release of the school year starting `yearStart` with
    /// `previousRows` on the days before `yearStart`.
    public init(release: ReleaseID, previous: ReleaseID, yearStart: Day, rows: [Registration], previousRows: [Registration]) {
        let lastDay = yearStart.adding(days: -1)
        var byKey: [RegistrationKey: Registration] = [:]
        var byPlace: [RegistrationKey.Place: [Registration]] = [:]
        for row in previousRows {
            byKey[row.key] = row
            byPlace[row.key.place, default: []].append(row)
        }
        /// Whether a date moved within the previous year: either side falls before its last day.
        func movedWithin(_ old: Day?, _ new: Day?) -> Bool {
            old != new && min(old ?? .distantFuture, new ?? .distantFuture) < lastDay
        }
        var found: [Rewritten] = []
        for row in rows.sorted(by: { $0.key < $1.key }) where row.periodStart < yearStart {
            let match = byKey[row.key] ?? byPlace[row.key.place]?.first { RegistrationDiff.overlaps($0, row) }
            guard let old = match else {
                found.append(Rewritten(key: row.key, difference: .notHeld))
                continue
            }
            var fields = Self.rowFields.filter { !old.hasSameValue(of: $0, as: row) }
            if old.periodStart != row.periodStart { fields.append(.periodStart) }
            if movedWithin(old.periodEnd, row.periodEnd) { fields.append(.periodEnd) }
            if movedWithin(old.enrolledUntil, row.enrolledUntil) { fields.append(.enrolledUntil) }
            if old.enrolledFrom != row.enrolledFrom, min(old.enrolledFrom, row.enrolledFrom) < yearStart { fields.append(.enrolledFrom) }
            if let from = row.tlvFrom, let before = old.tlvFrom, from != before, max(from, before) < yearStart { fields.append(.tlvFrom) }
            if movedWithin(old.tlvUntil, row.tlvUntil) { fields.append(.tlvUntil) }
            guard !fields.isEmpty else { continue }
            let changes = Registration.Field.allCases.filter(fields.contains).map {
                FieldChange(field: $0, old: old.text(of: $0), new: row.text(of: $0))
            }
            found.append(Rewritten(key: row.key, difference: .changed(changes)))
        }
        self.release = release
        self.previous = previous
        self.yearStart = yearStart
        registrations = found
    }
}
