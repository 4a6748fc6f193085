/// Schoolsoort of a (v)so registration.
public enum SchoolType: String, Hashable, Sendable, CaseIterable {
    /// Speciaal onderwijs (primary age).
    case so = "SO"
    /// Voortgezet speciaal onderwijs (secondary age).
    case vso = "VSO"
}
