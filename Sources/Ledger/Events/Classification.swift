/// How a registration event relates to what was known before it.
public enum Classification: String, Hashable, Sendable, CaseIterable {
    /// Part of the first release of a scope: nothing was known before.
    case initial
    /// Affects only valid time after the base release's publication date (up to this
    /// release's publication date): something happened since.
    case change
    /// Rewrites valid time on or before the base release's publication date: DUO corrected
    /// the past.
    case correction
    /// Affects only valid time after this release's own publication date.
    case futureDated

    /// Classifies an event whose earliest affected valid day is `firstAffected`.
    public static func of(firstAffected: Day, basePublished: Day?, published: Day) -> Classification {
        guard let basePublished else { return .initial }
        if firstAffected <= basePublished { return .correction }
        if firstAffected > published { return .futureDated }
        return .change
    }
}
