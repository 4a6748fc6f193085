extension Scope {
    /// The school year the scope's period names; nil for a reference date or another form.
    public var schoolYear: SchoolYear? { SchoolYear(period) }

    /// The days the scope's rows describe: a school year `2021-2022` is 1 August 2021 – 31 July
    /// 2022, a reference date `jjjj-mm-dd` is that day; nil for a period in another form.
    public var validTime: ClosedRange<Day>? {
        if let day = Day(iso: period) { return day...day }
        return schoolYear?.days
    }
}
