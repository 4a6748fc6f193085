import Ledger

/// The typed value a cell's bytes normalise to: what a `FieldType` reads and a `Registration`
/// field holds, without a detour through canonical text.
enum CellValue: Equatable, Sendable {
    /// A pupil number.
    case pgn(PGN)
    /// Text in its canonical form (SWV code, instellingscode, vestiging, TLV number, free text).
    case text(String)
    /// A date.
    case day(Day)
    /// SO or VSO.
    case schoolType(SchoolType)
    /// L, M or H.
    case category(FundingCategory)
    /// J (true) or N (false).
    case yesNo(Bool)
    /// A whole number 0–255.
    case number(UInt8)
    /// A figure's value as DUO states it.
    case stated(StatedValue)

    /// The canonical text, as `Registration.text(of:)` gives it.
    var canonicalText: String {
        switch self {
        case .pgn(let pgn): pgn.digits
        case .text(let text): text
        case .day(let day): day.iso
        case .schoolType(let type): type.rawValue
        case .category(let category): category.rawValue
        case .yesNo(let value): value ? "J" : "N"
        case .number(let value): String(value)
        case .stated(let value): value.description
        }
    }
}
