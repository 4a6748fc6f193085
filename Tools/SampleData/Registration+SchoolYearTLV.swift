import Ledger

extension Registration {
    /// The row with the TLV dates of school year 2021-2022 where it has none. The generators'
    /// TLVs have no dates, and the counting rules count a pupil only on a day their TLV is valid,
    /// so benchmarks of counts give their rows these.
    public var withSchoolYearTLV: Registration {
        var row = self
        row.tlvFrom = row.tlvFrom ?? Day.literal(2021, 8, 1)
        row.tlvUntil = row.tlvUntil ?? Day.literal(2022, 7, 31)
        return row
    }
}
