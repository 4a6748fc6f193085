/// Why an XLSX file cannot be read as a workbook: not a ZIP archive, damaged, over a limit,
/// or missing a part. About the file as a whole, so it has no line or column.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the file should have been.
    public var expected: String
    /// What it was instead.
    public var found: String
    /// The option of the reading that can fix it, named in `expected` or `found` by its words.
    public var option: ReadingOption?

    /// An error that expected `expected` and found `found`, which `option` can fix.
    public init(expected: String, found: String, option: ReadingOption? = nil) {
        self.expected = expected
        self.found = found
        self.option = option
    }

    /// `expected …, found …`.
    public var description: String { "expected \(expected), found \(found)" }

    /// The file is not a ZIP archive at all.
    static let notZip = XLSXError(
        expected: "an XLSX workbook (a ZIP archive)", found: "a file that is not a ZIP archive; save it from Excel as .xlsx, or as CSV")
    /// The archive is cut short or damaged: `reason` tells where.
    static func damaged(_ reason: String) -> XLSXError {
        XLSXError(expected: "a complete XLSX workbook", found: "a damaged or truncated ZIP archive (\(reason))")
    }

    /// The file is an Excel 97–2003 workbook (an OLE compound file without encryption).
    static let legacyWorkbook = XLSXError(
        expected: "an XLSX workbook or a CSV file",
        found: "an Excel 97–2003 workbook (.xls); open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx) "
            + "or as CSV UTF-8")
    /// The file is an OOXML workbook encrypted with a password (an OLE compound file holding `EncryptionInfo`).
    static let encrypted = XLSXError(
        expected: "an XLSX workbook without a password",
        found: "a password-protected (encrypted) workbook; open it in Excel, clear the password under File > Info > "
            + "Protect Workbook > Encrypt with Password, and save it again as .xlsx")
    /// The file is an OpenDocument spreadsheet (`.ods`).
    static let openDocument = XLSXError(
        expected: "an XLSX workbook or a CSV file",
        found: "an OpenDocument spreadsheet (.ods); save it from LibreOffice as Excel 2007-365 (.xlsx) or as CSV (UTF-8, ';')")
}
