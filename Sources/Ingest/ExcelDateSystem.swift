import Ledger

/// How a workbook numbers its days: Excel for Windows counts from 1900, Excel for Mac used to
/// count from 1904 (`<workbookPr date1904="1"/>`). A number in a date cell is read by it.
enum ExcelDateSystem: Sendable {
    /// Serial 1 is 1 January 1900 (with Excel's 29 February 1900 that never was).
    case from1900
    /// Serial 0 is 1 January 1904: 1,462 days after the same serial in the 1900 system.
    case from1904

    /// The day a serial number cell names (a time after the point ignored), nil when it is no
    /// such number.
    func day(_ cell: some Collection<UInt8>) -> Day? {
        switch self {
        case .from1900: DateText.day(excelSerial: cell)
        case .from1904: DateText.day(excelSerial: cell, offset: 1_462)
        }
    }
}
