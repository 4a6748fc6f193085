/// One canonical field of an aggregate layout: the headers it is known by, its type and
/// whether required.
public struct FigureColumn: Sendable {
    /// The field.
    public let field: FigureField
    /// Accepted header names; the first is the reference header.
    public let headers: [String]
    /// How its cells are read.
    public let type: FieldType
    /// Whether every row must have a value (and the file a column for it).
    public let required: Bool
}

extension FigureColumn: Decodable {
    private enum CodingKeys: String, CodingKey { case name, headers, type, required }

    /// Decodes `{ "name": "countOctober", "headers": […], "type": "statedCount", "required": true }`,
    /// checking that the name is a figure field and the type reads it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        guard let field = FigureField(rawValue: name) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .name, in: container,
                debugDescription: "unknown field name '\(name)' for a figures layout; the fields are "
                    + FigureField.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.field = field
        headers = try HeaderList.decode(from: container, forKey: .headers, owner: "field '\(name)'")
        type = try container.decode(FieldType.self, forKey: .type)
        guard field.types.contains(type) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "field '\(name)' is read with type " + field.types.map { "'\($0.rawValue)'" }.joined(separator: " or "))
        }
        required = try container.decode(Bool.self, forKey: .required)
    }
}
