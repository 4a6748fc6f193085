extension Scope {
    /// The days the scope's rows describe: a school year `2021-2022` is 1 August 2021 – 31 July
    /// 2022, a reference date `jjjj-mm-dd` is that day; nil for a period in another form.
    public var validTime: ClosedRange<Day>? {
        if let day = Day(iso: period) { return day...day }
        let years = period.split(separator: "-")
        guard years.count == 2, years[0].count == 4, let first = Int(years[0]), Int(years[1]) == first + 1,
            let start = Day(year: first, month: 8, day: 1), let end = Day(year: first + 1, month: 7, day: 31)
        else { return nil }
        return start...end
    }
}
