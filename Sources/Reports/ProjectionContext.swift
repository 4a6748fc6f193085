import Ledger

/// What a projection was computed from, printed with its answer: the day of knowledge, the
/// answering releases, the selection, the SWV whose releases answered and the paying SWV the
/// count was restricted to, and every school year answered from the year before.
public struct ProjectionContext: Sendable {
    /// A school year answered from the year before, for want of a release of its own.
    public struct Fallback: Sendable, Equatable, Encodable {
        /// The school year asked.
        public var schoolYear: String
        /// The school year whose releases answered.
        public var answeredFrom: String
        /// The answering releases, `R10`.
        public var releases: [String]
        /// The sentence every output prints.
        public var note: String
    }

    /// The day of knowledge; nil for today.
    public var knownAt: Day?
    /// The answering releases, `R3 kijkglas-2 VO9901 2021-2022 (published 2022-02-23)`.
    public var releases: [String]
    /// `rules` (the counting rules) or `all` (every valid row).
    public var selection: String
    /// The paying SWV the answer is restricted to; nil for every paying SWV.
    public var swv: String?
    /// The SWV whose releases answered.
    public var answeringSwv: String?
    /// The school years answered from the year before.
    public var fallbacks: [Fallback]

    /// The context of an answer from `state`, counting the pupils whose TLV `swv` issued (every
    /// paying SWV when nil).
    public init(state: KnownState, selection: String, swv: String?) {
        knownAt = state.knownAt
        releases = state.releases.map { "\($0.id) \($0.scope) (published \($0.publishedOn.iso))" }
        self.selection = selection
        self.swv = swv
        answeringSwv = state.swv
        let known = state.knownAt?.iso ?? "today"
        fallbacks = state.fallbacks.map { year in
            let ids = year.releases.map(\.id.description)
            let products = Set(year.releases.map(\.scope.product)).sorted().joined(separator: "/")
            return Fallback(
                schoolYear: year.schoolYear.description, answeredFrom: year.answeredFrom.description, releases: ids,
                note: "no \(products) of \(state.swv) for \(year.schoolYear) known \(state.knownAt == nil ? known : "on \(known)"); "
                    + "answered from the registrations of \(year.answeredFrom) (\(ids.joined(separator: ", ")))")
        }
    }

    /// `As known at 2022-05-01 (R2, R5); counting rules; VO9901's releases and TLVs`.
    public var line: String {
        let known = knownAt.map { "As known at \($0.iso)" } ?? "As known today"
        let ids = releases.map { String($0.prefix { $0 != " " }) }.joined(separator: ", ")
        let what = selection == "all" ? "every valid row" : "counting rules"
        let whose: String
        switch (answeringSwv, swv) {
        case (let files?, let payer?) where files == payer: whose = "\(files)'s releases and TLVs"
        case (let files?, let payer?): whose = "\(files)'s releases; TLVs issued by \(payer)"
        case (let files?, nil): whose = "\(files)'s releases; every paying SWV"
        case (nil, let payer?): whose = "TLVs issued by \(payer)"
        case (nil, nil): whose = "every paying SWV"
        }
        return "\(known) (\(ids.isEmpty ? "no releases" : ids)); \(what); \(whose)"
    }

    /// `Note: no kijkglas-2 of VO9901 for 2021-2022 known on 2021-09-01; answered from …`, one per
    /// school year answered from the year before.
    public var notes: [String] { fallbacks.map { "Note: \($0.note)" } }
}
