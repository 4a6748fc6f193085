import Ledger

extension ReleaseMetadata {
    /// The key, value and value's column (from 1) of a block line `Key;Value`; also of one
    /// cell `Key: Value`, or `Key;Value` in a block whose separator differs from the table's.
    /// Nil for other lines.
    static func keyValue(of texts: [String]) -> (key: String, value: String, column: Int)? {
        guard let key = texts.first, !key.isEmpty else { return nil }
        if let index = texts.indices.dropFirst().first(where: { !texts[$0].isEmpty }) {
            return (key, texts[index], index + 1)
        }
        guard let split = key.firstIndex(where: { ";:\t,".contains($0) }) else { return nil }
        let value = key[key.index(after: split)...].trimmingSpaces
        guard !value.isEmpty else { return nil }
        return (String(key[..<split].trimmingSpaces), String(value), 1)
    }

    /// The metadata in the block lines `records` (the lines before the header); values that
    /// cannot be read are reported, keys the block may hold but releases ignore are skipped.
    /// With `serialDates` (an XLSX sheet) a date may be an Excel serial number.
    init(
        block records: [CSVRecord], keys: MetadataBlockKeys, layouts: [Layout], serialDates: ExcelDateSystem? = nil,
        problems: inout ProblemList
    ) {
        self.init()
        for record in records {
            guard let (key, value, column) = ReleaseMetadata.keyValue(of: record.trimmedTexts),
                let item = keys.item(forKey: key)
            else { continue }
            let line = record.line(ofField: max(0, column - 1))
            func report(_ expected: String) {
                let option = ReadingOption(rawValue: item.rawValue)
                problems.add(
                    line: line, column: column, field: item.rawValue, expected: expected, found: value,
                    hint: "correct the block line '\(key)'" + (option.map { " or give \($0.words)" } ?? ""), option: option)
            }
            switch item {
            case .product:
                product = keys.productID(named: value, layouts: layouts)
            case .swv:
                guard let code = SWVCode.canonical(value) ?? SWVCode.find(in: value) else { report(SWVCode.expectation); continue }
                swv = code
            case .swvName:
                swvName = value
            case .schoolYear:
                guard let year = SchoolYear.canonical(value) else { report(SchoolYear.expectation); continue }
                schoolYear = year
            case .referenceDate:
                guard let day = ReleaseMetadata.day(value, serialDates: serialDates) else { report(DateText.expectation); continue }
                referenceDate = day
            case .published:
                guard let day = ReleaseMetadata.day(value, serialDates: serialDates) else { report(DateText.expectation); continue }
                published = day
            case .status:
                guard let isDefinitive = keys.isDefinitive(status: value) else { report("Definitief or Voorlopig"); continue }
                definitive = isDefinitive
            }
        }
    }

    /// The day a block value names; a time after it (`29-04-2022 14:03`) is ignored. With
    /// `serialDates` an Excel serial number is a day too.
    private static func day(_ value: String, serialDates: ExcelDateSystem?) -> Day? {
        let text = value.split(separator: " ").first ?? ""
        return DateText.day(text) ?? serialDates?.day(text.utf8)
    }
}
