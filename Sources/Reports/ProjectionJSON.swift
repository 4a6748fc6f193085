import Foundation

/// Encodes the machine output of the projection commands: pretty-printed, keys sorted, so the
/// output is stable and diffable. Each shape is documented by a schema in `Schemas/json/`.
public enum ProjectionJSON {
    /// `value` as JSON text.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
