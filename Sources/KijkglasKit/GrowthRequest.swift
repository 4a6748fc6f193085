import Ledger

/// The growth of an SWV's counted pupils from the 1 October before a peildatum to the peildatum.
public struct GrowthRequest: Sendable, Equatable {
    /// The peildatum, a 1 February.
    public var peildatum: Day
    /// The day of knowledge; nil is today.
    public var knownAt: Day?
    /// Whose releases answer.
    public var swv: AnsweringSWV
    /// Refuse a day answered from the school year before.
    public var ownSchoolYearOnly: Bool

    /// The growth to `peildatum`, by default as known today, of the ledger's SWV.
    public init(peildatum: Day, knownAt: Day? = nil, swv: AnsweringSWV = .ledgers, ownSchoolYearOnly: Bool = false) {
        self.peildatum = peildatum
        self.knownAt = knownAt
        self.swv = swv
        self.ownSchoolYearOnly = ownSchoolYearOnly
    }
}
