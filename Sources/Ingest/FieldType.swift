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
    /// A whole number of pupils, or `<5` for one DUO suppressed: a stated figure.
    case statedCount
    /// An amount in euros (`9.059,77`, `9059.77`): a stated figure.
    case amount

    /// The kind of canonical text this type produces for a registration field, nil for the
    /// types of stated figures; a layout field's type must produce its field's kind.
    public var kind: Registration.Kind? {
        switch self {
        case .statedCount, .amount: nil
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
