import Ledger

/// What `count` prints: the count of one SWV, or of every SWV side by side.
public enum CountReport: Sendable {
    /// One SWV's count and the releases that answered it.
    case oneSWV(PupilCount, ProjectionContext)
    /// Every SWV's count.
    case everySWV(EverySWVCountReport)

    /// The text form.
    public var text: String {
        switch self {
        case .oneSWV(let count, let context): CountText.render(count, context: context)
        case .everySWV(let report): report.text
        }
    }

    /// The JSON form (one SWV's described by `Schemas/json/count.schema.json`).
    public var json: String {
        switch self {
        case .oneSWV(let count, let context): CountText.json(count, context: context)
        case .everySWV(let report): report.json
        }
    }
}
