/// A rule's value together with the source that states it: `[C]` confirmed by a public source,
/// `[I]` inferred, `[?]` an assumption to replace when DUO's rule becomes known.
public struct Sourced<Value: Decodable & Sendable>: Decodable, Sendable {
    /// The value the projections use.
    public var value: Value
    /// Where the value comes from.
    public var source: String

    /// A value with its source.
    public init(_ value: Value, source: String) {
        self.value = value
        self.source = source
    }
}
