/// An event that does not apply to the state it is folded into.
public struct FoldError: Error, Sendable, CustomStringConvertible {
    /// The row's identity.
    public let key: RegistrationKey
    /// What did not fit.
    public let reason: String

    public var description: String { "\(key): \(reason)" }
}
