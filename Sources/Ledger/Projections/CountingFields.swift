/// The fields of a row that the counting rules judge it by. `CountingRow` has them; so does a
/// packed record read in place, so a count judges rows without decoding them whole.
public protocol CountingFields {
    /// First day of the row's period.
    var periodStart: Day { get }
    /// Last day of the row's period, inclusive; nil when open.
    var periodEnd: Day? { get }
    /// Datum inschrijving.
    var enrolledFrom: Day { get }
    /// Datum uitschrijving.
    var enrolledUntil: Day? { get }
    /// Whether the row has a TLV number.
    var hasTLVNumber: Bool { get }
    /// Datum ingang TLV.
    var tlvFrom: Day? { get }
    /// Datum einde TLV.
    var tlvUntil: Day? { get }
    /// Bekostigd.
    var funded: Bool { get }
    /// Cluster 1–4.
    var cluster: UInt8? { get }
    /// Soort verblijf 0–6.
    var residence: UInt8? { get }
}

extension CountingFields {
    /// Whether the row's period contains `day`.
    public func isValid(on day: Day) -> Bool {
        periodStart <= day && (periodEnd.map { day <= $0 } ?? true)
    }
}
