import Ledger

/// The ondersteuningsbekostiging deducted from an SWV's budget for a funding year.
public struct FundingRequest: Sendable, Equatable {
    /// The funding year: a school year until 2022-2023, a calendar year from 2023.
    public var year: FundingYear
    /// The day of knowledge, of the releases and of the rates; nil is today.
    public var knownAt: Day?
    /// Whose releases answer.
    public var swv: AnsweringSWV
    /// Refuse a day answered from the school year before.
    public var ownSchoolYearOnly: Bool

    /// The funding of `year`, by default as known today, of the ledger's SWV.
    public init(year: FundingYear, knownAt: Day? = nil, swv: AnsweringSWV = .ledgers, ownSchoolYearOnly: Bool = false) {
        self.year = year
        self.knownAt = knownAt
        self.swv = swv
        self.ownSchoolYearOnly = ownSchoolYearOnly
    }
}
