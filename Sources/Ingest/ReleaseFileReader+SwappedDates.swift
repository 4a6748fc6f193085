import Ledger

extension ReleaseFileReader {
    /// Reports rows of a sheet whose periods end before they start while the same dates with
    /// day and month swapped are in order: dates only a swap makes sense of.
    func reportSwappedPeriods(in rows: [Registration], problems: inout ProblemList) {
        let pairs: [(Registration.Field, Registration.Field, (Registration) -> (Day?, Day?))] = [
            (.periodStart, .periodEnd, { ($0.periodStart, $0.periodEnd) }),
            (.enrolledFrom, .enrolledUntil, { ($0.enrolledFrom, $0.enrolledUntil) }),
            (.tlvFrom, .tlvUntil, { ($0.tlvFrom, $0.tlvUntil) }),
        ]
        for (startField, endField, dates) in pairs {
            let inverted = rows.filter { row in
                let (start, end) = dates(row)
                guard let start, let end, end < start else { return false }
                guard let swappedStart = ReleaseFileReader.swapped(start), let swappedEnd = ReleaseFileReader.swapped(end) else {
                    return false
                }
                return swappedStart <= swappedEnd
            }
            guard let first = inverted.first, case let (start?, end?) = dates(first) else { continue }
            problems.add(
                line: 0, column: 0, field: endField.rawValue,
                expected: "\(endField.rawValue) on or after \(startField.rawValue)",
                found: nil,
                hint: "\(inverted.count) row(s) end before they start (pupil \(first.pgn.masked): \(start.iso) to \(end.iso)), and "
                    + "with day and month swapped they would not: a spreadsheet in an English locale may have read these dates; "
                    + "ingest the file as downloaded from Mijn DUO, or open the CSV with a Dutch locale or with the date columns as Text")
        }
    }

    /// Reports a publication date or peildatum from the block that only makes sense with day and
    /// month swapped: a publication date after the date in the file's name or before its school
    /// year began, a peildatum outside the school year, where the swapped date is not.
    func reportSwappedBlockDates(_ block: ReleaseMetadata, fileName: ReleaseMetadata, schoolYear: String?, problems: inout ProblemList) {
        let yearStart = schoolYear.flatMap { Int($0.prefix(4)) }.flatMap { Day(year: $0, month: 8, day: 1) }
        let yearEnd = schoolYear.flatMap { Int($0.prefix(4)) }.flatMap { Day(year: $0 + 1, month: 7, day: 31) }
        func plausiblePublication(_ day: Day) -> Bool {
            if let named = fileName.published, day > named { return false }
            if let yearStart, day < yearStart { return false }
            return true
        }
        func plausibleReference(_ day: Day) -> Bool {
            guard let yearStart, let yearEnd else { return true }
            return day >= yearStart && day <= yearEnd
        }
        let checks: [(String, Day?, (Day) -> Bool, String)] = [
            ("published", block.published, plausiblePublication, "after the date in the file name or before its school year began"),
            ("referenceDate", block.referenceDate, plausibleReference, "outside the school year \(schoolYear ?? "")"),
        ]
        for (field, day, plausible, why) in checks {
            guard let day, !plausible(day), let swapped = ReleaseFileReader.swapped(day), plausible(swapped) else { continue }
            problems.add(
                line: 0, column: 0, field: field, expected: "a date that fits the file", found: day.iso,
                hint: "the block's date is \(why), and \(swapped.iso) (day and month swapped) is not: a spreadsheet in an "
                    + "English locale may have read it; correct the block line, ingest the file as downloaded from Mijn DUO, "
                    + "or pass the date with --\(field == "published" ? "published" : "reference-date")")
        }
    }

    /// `day` with day and month swapped; nil when the day is over 12 or they are equal.
    static func swapped(_ day: Day) -> Day? {
        let (year, month, date) = day.components
        guard date <= 12, date != month else { return nil }
        return Day(year: year, month: date, day: month)
    }
}
