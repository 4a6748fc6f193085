/// The ASCII bytes the CSV parser looks for.
enum ASCII {
    /// `"`.
    static let quote: UInt8 = 0x22
    /// ` `.
    static let space: UInt8 = 0x20
    /// Line feed.
    static let lineFeed: UInt8 = 0x0A
    /// Carriage return.
    static let carriageReturn: UInt8 = 0x0D
    /// `;`.
    static let semicolon: UInt8 = 0x3B
    /// `,`.
    static let comma: UInt8 = 0x2C
    /// Horizontal tab.
    static let tab: UInt8 = 0x09
}

extension ASCII {
    /// The separators a header line may use, in order of preference.
    static let separators: [UInt8] = [semicolon, tab, comma]
}
