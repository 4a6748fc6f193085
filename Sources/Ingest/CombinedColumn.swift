import Ledger

/// A column whose cells hold several fields at once, like DUO's 6-character `VESTIGINGSCODE`
/// (instellingscode + vestiging).
public struct CombinedColumn: Sendable {
    /// How a combined cell splits.
    public enum Kind: String, Sendable, Decodable {
        /// Four characters of instellingscode, then two of vestiging.
        case institutionBranch
        /// The teldatum of a settled snapshot (`Teldatum`): the pupil was enrolled that day, so
        /// it is the row's enrolment date and its one-day period. Without the column the
        /// release's peildatum fills the fields.
        case referenceDay

        /// The fields it fills, in order.
        public var fills: [Registration.Field] {
            switch self {
            case .institutionBranch: [.institution, .branch]
            case .referenceDay: [.enrolledFrom, .periodStart, .periodEnd]
            }
        }

        /// What its cells should hold, for messages.
        var expectation: String {
            switch self {
            case .institutionBranch: "a vestigingscode of 6 letters or digits (instellingscode + vestiging)"
            case .referenceDay: DateText.expectation
            }
        }

        /// The values of the fields, in the order of `fills`, in a trimmed, non-empty cell's
        /// bytes, or nil when it does not fit; `serialDates` (a workbook's) reads a number as an Excel serial day.
        func split(_ cell: UnsafeBufferPointer<UInt8>, serialDates: ExcelDateSystem?) -> [(field: Registration.Field, value: CellValue)]? {
            switch self {
            case .institutionBranch:
                guard let institution = ASCII.uppercasedAlphanumeric(cell.prefix(4), lengths: 4...4),
                    let branch = ASCII.uppercasedAlphanumeric(cell.dropFirst(4), lengths: 2...2)
                else { return nil }
                return [(.institution, .text(institution)), (.branch, .text(branch))]
            case .referenceDay:
                guard let day = DateText.day(utf8: cell) ?? serialDates?.day(cell) else { return nil }
                return fills.map { ($0, CellValue.day(day)) }
            }
        }
    }

    /// Accepted header names; the first is the reference header.
    public let headers: [String]
    /// How its cells split.
    public let kind: Kind
}

extension CombinedColumn: Decodable {
    private enum CodingKeys: String, CodingKey { case headers, type, fills }

    /// Decodes `{ "headers": […], "type": "institutionBranch", "fills": ["institution", "branch"] }`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        headers = try HeaderList.decode(from: container, forKey: .headers, owner: "a combined column")
        kind = try container.decode(Kind.self, forKey: .type)
        let fills = try container.decode([String].self, forKey: .fills)
        guard fills == kind.fills.map(\.rawValue) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .fills, in: container,
                debugDescription: "type '\(kind.rawValue)' fills " + kind.fills.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
    }
}
