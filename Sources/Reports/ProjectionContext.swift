import Ledger

/// What a projection was computed from, printed with its answer: the day of knowledge, the
/// answering releases, the selection and the SWV it was restricted to.
public struct ProjectionContext: Sendable {
    /// The day of knowledge; nil for today.
    public var knownAt: Day?
    /// The answering releases, `R3 kijkglas-2 VO9901 2021-2022 (published 2022-02-23)`.
    public var releases: [String]
    /// `rules` (the counting rules) or `all` (every valid row).
    public var selection: String
    /// The paying SWV the answer is restricted to.
    public var swv: String?

    /// The context of an answer from `state`.
    public init(state: KnownState, selection: String, swv: String?) {
        knownAt = state.knownAt
        releases = state.releases.map { "\($0.id) \($0.scope) (published \($0.publishedOn.iso))" }
        self.selection = selection
        self.swv = swv
    }

    /// `As known at 2022-05-01 (R2, R5); counting rules; TLVs of VO9901`.
    public var line: String {
        let known = knownAt.map { "As known at \($0.iso)" } ?? "As known today"
        let ids = releases.map { String($0.prefix { $0 != " " }) }.joined(separator: ", ")
        let what = selection == "all" ? "every valid row" : "counting rules"
        return "\(known) (\(ids.isEmpty ? "no releases" : ids)); \(what)" + (swv.map { "; TLVs issued by \($0)" } ?? "")
    }
}
