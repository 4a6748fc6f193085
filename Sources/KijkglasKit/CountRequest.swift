import Ledger

/// How many pupils an SWV is charged on a day, as the releases known on a day say.
public struct CountRequest: Sendable, Equatable {
    /// The day to count.
    public var on: Day
    /// The day of knowledge; nil is today.
    public var knownAt: Day?
    /// Whose releases answer; `.every` counts every SWV side by side.
    public var swv: AnsweringSWV
    /// Count every row valid on the day, funded or not, instead of the counting rules' pupils.
    public var everyValidRow: Bool
    /// The breakdown of the count, if any.
    public var breakdown: PupilCount.Breakdown?
    /// Count the pupils of the SWV's releases whatever SWV issued their TLV.
    public var everyPayer: Bool
    /// Refuse a day answered from the school year before.
    public var ownSchoolYearOnly: Bool

    /// A count on `on`, by default by the counting rules, as known today, of the ledger's SWV.
    public init(
        on: Day, knownAt: Day? = nil, swv: AnsweringSWV = .ledgers, everyValidRow: Bool = false,
        breakdown: PupilCount.Breakdown? = nil, everyPayer: Bool = false, ownSchoolYearOnly: Bool = false
    ) {
        self.on = on
        self.knownAt = knownAt
        self.swv = swv
        self.everyValidRow = everyValidRow
        self.breakdown = breakdown
        self.everyPayer = everyPayer
        self.ownSchoolYearOnly = ownSchoolYearOnly
    }
}
