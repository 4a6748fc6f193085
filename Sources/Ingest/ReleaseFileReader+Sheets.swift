extension ReleaseFileReader {
    /// The sheet of a workbook to read: the one `sheetName` names; else the one sheet whose
    /// lines hold a known table header (among several, the one named like a block title);
    /// else the one named like a block title, the first with content, or the first.
    /// - Throws: `XLSXError` when the named sheet is missing, or several sheets hold a table
    ///   header and none is named like a block title.
    func chooseSheet(of sheets: [XLSXSheetSource], keys: MetadataBlockKeys, overrides: ReleaseMetadata) throws(XLSXError)
        -> XLSXSheetSource
    {
        let names = sheets.map { "'\($0.sheetName)'" }.joined(separator: ", ")
        if let sheetName {
            guard let sheet = sheets.first(where: { $0.sheetName == sheetName })
                ?? sheets.first(where: { HeaderName.normalised($0.sheetName) == HeaderName.normalised(sheetName) })
            else { throw XLSXError(expected: "a sheet named '\(sheetName)' (as \(ReadingOption.sheet.words))", found: "the sheets \(names)", option: .sheet) }
            return sheet
        }
        if sheets.count == 1, let sheet = sheets.first { return sheet }
        let titles = Set(layouts.flatMap(\.blockTitles).map(HeaderName.normalised))
        let titled = sheets.filter { titles.contains(HeaderName.normalised($0.sheetName)) }
        let search = HeaderSearch(layouts: layouts, keys: keys)
        let tables = sheets.filter { sheet in
            guard case .found = search.run(prefix: Array(sheet.csv.prefix(64 * 1024)), isWhole: sheet.csv.count <= 64 * 1024, product: overrides.product)
            else { return false }
            return true
        }
        if tables.count == 1, let sheet = tables.first { return sheet }
        if tables.count > 1 {
            let named = tables.filter { titles.contains(HeaderName.normalised($0.sheetName)) }
            if named.count == 1, let sheet = named.first { return sheet }
            throw XLSXError(
                expected: "one sheet with the table",
                found: "a table header on the sheets " + tables.map { "'\($0.sheetName)'" }.joined(separator: ", ")
                    + "; choose one by \(ReadingOption.sheet.words)",
                option: .sheet)
        }
        let withContent = sheets.first { $0.csv.contains(ASCII.quote) }
        guard let sheet = titled.first ?? withContent ?? sheets.first else {
            throw XLSXError(expected: "an XLSX workbook with a worksheet", found: "no worksheet")
        }
        return sheet
    }
}
