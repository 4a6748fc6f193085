/// When a release's batch against its base is large enough that a damaged file is the likelier
/// cause, so recording it waits for confirmation: loaded from `Schemas/rules/mass-change.json`
/// so the thresholds stay data.
public struct MassChangeRules: Decodable, Sendable {
    /// Bases with fewer rows are never held back: a few real changes are a large share there.
    public var minimumBaseRows: Sourced<Int>
    /// The most corrections of the past, in whole percent of the base's rows, recorded unasked.
    public var maxCorrectionPercent: Sourced<Int>
    /// The most rows one field may change in, in whole percent of the base's rows, unasked.
    public var maxOneFieldPercent: Sourced<Int>

    /// Rules of the given thresholds, each with `source` as its source.
    public init(minimumBaseRows: Int, maxCorrectionPercent: Int, maxOneFieldPercent: Int, source: String = "") {
        self.minimumBaseRows = Sourced(minimumBaseRows, source: source)
        self.maxCorrectionPercent = Sourced(maxCorrectionPercent, source: source)
        self.maxOneFieldPercent = Sourced(maxOneFieldPercent, source: source)
    }
}
