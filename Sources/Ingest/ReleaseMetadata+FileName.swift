import Ledger

extension ReleaseMetadata {
    /// What a file's name tells, the last resort for metadata: an SWV code (`VO2508`), a
    /// publication date (`2022-04-29`, `29-04-2022`, `20220429`) and a school year
    /// (`2021-2022`), each only when the name holds exactly one.
    init(fileName: String) {
        let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
        let name = stem.isEmpty ? fileName : stem
        self.init(swv: SWVCode.find(in: name))
        var days: Set<Day> = []
        var years: Set<String> = []
        for group in ReleaseMetadata.numberGroups(in: name) {
            for index in group.indices {
                if index + 2 < group.count {
                    let text = group[index...(index + 2)].joined(separator: "-")
                    if let day = DateText.day(text) { days.insert(day) }
                }
                if index + 1 < group.count, let year = SchoolYear.canonical("\(group[index])-\(group[index + 1])"),
                    group[index + 1].count == 4
                {
                    years.insert(year)
                }
                if group[index].count == 8, let y = Int(group[index].prefix(4)), (1990...2100).contains(y),
                    let m = Int(group[index].dropFirst(4).prefix(2)), let d = Int(group[index].suffix(2)),
                    let day = Day(year: y, month: m, day: d)
                {
                    days.insert(day)
                }
            }
        }
        if days.count == 1 { published = days.first }
        if years.count == 1 { schoolYear = years.first }
    }

    /// Runs of digits joined by single `-`, `_` or `.`: `a-2022-04-29_x` gives [[2022, 04, 29]].
    private static func numberGroups(in text: String) -> [[String]] {
        var groups: [[String]] = []
        var group: [String] = []
        var digits = ""
        var pendingSeparator = false
        func closeGroup() {
            if !digits.isEmpty { group.append(digits) }
            if !group.isEmpty { groups.append(group) }
            group = []
            digits = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                if pendingSeparator {
                    group.append(digits)
                    digits = ""
                    pendingSeparator = false
                }
                digits.append(character)
            } else if "-_.".contains(character) && !digits.isEmpty && !pendingSeparator {
                pendingSeparator = true
            } else {
                pendingSeparator = false
                closeGroup()
            }
        }
        closeGroup()
        return groups
    }
}
