/// A field's text that is not the canonical form for that field.
public struct FieldValueError: Error, CustomStringConvertible, Sendable {
    /// The field.
    public let field: Registration.Field
    /// The offending text (unmasked; use `description` to show it).
    public let text: String?

    public var description: String {
        let shown = Registration.display(text, of: field).map { "'\($0)'" } ?? "nothing"
        return "\(field.rawValue): expected \(field.kind.rawValue), found \(shown)"
    }
}
