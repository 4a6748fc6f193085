/// One field of a registration row changed from `old` to `new` (canonical texts, nil = empty).
public struct FieldChange: Hashable, Sendable {
    /// The field.
    public var field: Registration.Field
    /// Its canonical text before; unmasked, use `Registration.display` to show it.
    public var old: String?
    /// Its canonical text after; unmasked.
    public var new: String?

    /// A change from its parts.
    public init(field: Registration.Field, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

extension FieldChange: CustomStringConvertible {
    /// `category: L → M` with personal data masked.
    public var description: String {
        let before = Registration.display(old, of: field) ?? "∅"
        let after = Registration.display(new, of: field) ?? "∅"
        return "\(field.rawValue): \(before) → \(after)"
    }
}
