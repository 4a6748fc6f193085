import Ledger

/// That the ledger forget one pupil (AVG art. 17): its PGN and birth date destroyed, its
/// registrations kept under its pupil number, counted as an anonymous pupil.
public struct EraseRequest: Sendable, Equatable {
    /// The pupil, by PGN (found through the key) or by the ledger's pupil number.
    public var pupil: PGN
    /// Why, as the log is to keep it forever: no personal number in it.
    public var reason: String
    /// The day of the erasure (default: today).
    public var on: Day
    /// Erase a pupil whose registrations have not all ended.
    public var evenIfRegistered: Bool

    /// The erasure of `pupil` for `reason` on `on`; refused for a pupil still registered unless
    /// `evenIfRegistered`.
    public init(pupil: PGN, reason: String, on: Day = .today, evenIfRegistered: Bool = false) {
        self.pupil = pupil
        self.reason = reason
        self.on = on
        self.evenIfRegistered = evenIfRegistered
    }
}
