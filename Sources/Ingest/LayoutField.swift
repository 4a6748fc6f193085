import Ledger

/// One canonical field of a layout: the headers it is known by, its type and whether required.
public struct LayoutField: Sendable {
    /// The canonical field.
    public let field: Registration.Field
    /// Accepted header names; the first is the reference header files are written with.
    public let headers: [String]
    /// How its cells are read.
    public let type: FieldType
    /// Whether every row must have a value (and the file a column for it).
    public let required: Bool
    /// The allowed values of a small number, when bounded.
    public let range: ClosedRange<Int>?
}

extension LayoutField: Decodable {
    private enum CodingKeys: String, CodingKey { case name, headers, type, required, minimum, maximum }

    /// Decodes `{ "name": "pgn", "headers": […], "type": "pgn", "required": true }`, checking
    /// that the name is a canonical field and the type gives its kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        guard let field = Registration.Field(rawValue: name) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .name, in: container,
                debugDescription: "unknown field name '\(name)'; the fields are "
                    + Registration.Field.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.field = field
        headers = try HeaderList.decode(from: container, forKey: .headers, owner: "field '\(name)'")
        type = try container.decode(FieldType.self, forKey: .type)
        guard type.kind == field.kind else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "field '\(name)' holds \(field.kind.rawValue), which type '\(type.rawValue)' does not give; use "
                    + FieldType.allCases.filter { $0.kind == field.kind }.map { "'\($0.rawValue)'" }.joined(separator: " or "))
        }
        required = try container.decode(Bool.self, forKey: .required)
        guard required || !field.isRequired else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .required, in: container, debugDescription: "field '\(name)' must be required: no row exists without it")
        }
        let minimum = try container.decodeIfPresent(Int.self, forKey: .minimum)
        let maximum = try container.decodeIfPresent(Int.self, forKey: .maximum)
        if minimum != nil || maximum != nil {
            let low = minimum ?? 0
            let high = maximum ?? 255
            guard type == .smallNumber, 0 <= low, low <= high, high <= 255 else {
                throw Swift.DecodingError.dataCorruptedError(
                    forKey: .minimum, in: container,
                    debugDescription: "field '\(name)': minimum and maximum need type 'smallNumber' and 0 ≤ minimum ≤ maximum ≤ 255")
            }
            range = low...high
        } else {
            range = nil
        }
    }
}
