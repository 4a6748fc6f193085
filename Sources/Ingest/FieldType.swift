import Ledger

/// How a layout column's cells are read and turned into a field's canonical text.
public enum FieldType: String, Sendable, Decodable, CaseIterable {
    /// Nine digits.
    case pgn
    /// `PO2707`, also written `PO-27-07`, `VO 25-08`, `po2707`.
    case swvCode
    /// `dd-mm-jjjj`, `d-m-jjjj` or `jjjj-mm-dd`.
    case date
    /// Four letters or digits (`25GP`).
    case institution
    /// One or two letters or digits; `4` is `04`.
    case branch
    /// `SO`/`VSO`, or `1`/`2`.
    case schoolType
    /// `L`/`M`/`H`, `Laag`/`Midden`/`Hoog`, or `1`/`2`/`3`.
    case category
    /// `J`/`N`, `Ja`/`Nee`, `1`/`0`, `true`/`false`, `yes`/`no`.
    case yesNo
    /// A whole number 0–255, within the field's minimum and maximum.
    case smallNumber
    /// A TLV number `SWVCODE-JJJJ-NNNNN`.
    case tlvNumber
    /// Any text.
    case text

    /// The kind of canonical text this type produces; a layout field's type must produce its kind.
    public var kind: Registration.Kind {
        switch self {
        case .pgn: .pgn
        case .swvCode: .swvCode
        case .date: .day
        case .institution, .branch, .tlvNumber, .text: .text
        case .schoolType: .schoolType
        case .category: .category
        case .yesNo: .yesNo
        case .smallNumber: .smallNumber
        }
    }
}
