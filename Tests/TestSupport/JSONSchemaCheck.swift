import Foundation

/// Checks a JSON document against a schema of `Schemas/json/`, for the parts of JSON Schema
/// (2020-12) those schemas use: `type`, `enum`, `required`, `properties`,
/// `additionalProperties` (false or a schema), `propertyNames`, `items`, `pattern`, `minimum`,
/// and `$ref` to a path in the same or another schema file. A schema keyword it does not know is
/// a failure, so a schema cannot outgrow the check unnoticed.
public struct JSONSchemaCheck {
    /// The folder of the schemas.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Schemas/json")

    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "required", "properties",
        "additionalProperties", "propertyNames", "items", "pattern", "minimum",
    ]

    private var documents: [String: JSONValue] = [:]

    public init() {}

    /// Where the JSON text `text` breaks the schema in file `schema`, as `path: what`; empty when
    /// it conforms.
    public mutating func problems(of text: String, against schema: String) throws -> [String] {
        var found: [String] = []
        try check(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), try document(schema), file: schema, path: "$", into: &found)
        return found
    }

    private mutating func document(_ file: String) throws -> JSONValue {
        if let known = documents[file] { return known }
        let parsed = try JSONDecoder().decode(JSONValue.self, from: try Data(contentsOf: JSONSchemaCheck.folder.appendingPathComponent(file)))
        documents[file] = parsed
        return parsed
    }

    private mutating func check(_ value: JSONValue, _ schemaValue: JSONValue, file: String, path: String, into found: inout [String]) throws {
        guard case .object(let schema) = schemaValue else { throw JSONSchemaFailure("\(file): a schema at \(path) is no object") }
        if let unknown = schema.keys.first(where: { !JSONSchemaCheck.known.contains($0) }) {
            throw JSONSchemaFailure("\(file) uses the keyword \(unknown), which the check does not know")
        }
        if case .string(let reference) = schema["$ref"] {
            let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = parts[0].isEmpty ? file : parts[0]
            var resolved = try document(target)
            for step in (parts.count == 2 ? parts[1] : "").split(separator: "/") {
                guard case .object(let members) = resolved, let next = members[String(step)] else {
                    throw JSONSchemaFailure("\(file): \(reference) does not resolve")
                }
                resolved = next
            }
            try check(value, resolved, file: target, path: path, into: &found)
        }
        if case .string(let type) = schema["type"], !value.isOfType(type) {
            found.append("\(path): not of type \(type)")
            return
        }
        if case .array(let choices) = schema["enum"], !choices.contains(value) { found.append("\(path): \(value) is none of the enum") }
        if case .string(let pattern) = schema["pattern"], case .string(let text) = value,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): ‘\(text)’ does not match \(pattern)")
        }
        if case .number(let minimum) = schema["minimum"], case .number(let number) = value, number < minimum {
            found.append("\(path): \(number) is below \(minimum)")
        }
        if case .object(let object) = value {
            if case .array(let required) = schema["required"] {
                for case .string(let name) in required where object[name] == nil { found.append("\(path): \(name) is missing") }
            }
            var properties: [String: JSONValue] = [:]
            if case .object(let declared) = schema["properties"] { properties = declared }
            for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                if let names = schema["propertyNames"] { try check(.string(name), names, file: file, path: "\(path) key \(name)", into: &found) }
                if let property = properties[name] {
                    try check(member, property, file: file, path: "\(path).\(name)", into: &found)
                } else if case .bool(false) = schema["additionalProperties"] {
                    found.append("\(path): \(name) is not allowed")
                } else if let additional = schema["additionalProperties"], case .object = additional {
                    try check(member, additional, file: file, path: "\(path).\(name)", into: &found)
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() { try check(element, items, file: file, path: "\(path)[\(index)]", into: &found) }
        }
    }
}

/// A parsed JSON value; booleans and numbers kept apart.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Whether the value is of the JSON Schema type `type`.
    func isOfType(_ type: String) -> Bool {
        switch (type, self) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}

/// A schema the check cannot read.
public struct JSONSchemaFailure: Error, CustomStringConvertible {
    /// What is wrong with it.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
