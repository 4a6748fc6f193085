import Ledger

/// A value for some days as known at each publication and withdrawal of the releases that cover
/// them: the revision triangle.
public struct RevisionsRequest: Sendable, Equatable {
    /// What to follow through the releases.
    public enum Metric: Sendable, Equatable {
        /// The pupils counted on each day.
        case count(on: [Day])
        /// The growth to each peildatum from the 1 October before.
        case growth(peildata: [Day])
        /// The deduction for a funding year, in cents, priced with the rates published by each
        /// day of knowledge.
        case funding(FundingYear)
    }

    /// What to follow.
    public var metric: Metric
    /// Whose releases answer.
    public var swv: AnsweringSWV
    /// Leave a day answered only from the school year before empty.
    public var ownSchoolYearOnly: Bool

    /// The revisions of `metric` of the ledger's SWV by default.
    public init(metric: Metric, swv: AnsweringSWV = .ledgers, ownSchoolYearOnly: Bool = false) {
        self.metric = metric
        self.swv = swv
        self.ownSchoolYearOnly = ownSchoolYearOnly
    }
}
