import Ledger
import LedgerStorage
import SampleData

extension LedgerStore {
    /// The state of `swv`'s school year 2021-2022 as known at `day`: the one scope most tests record.
    public func knownState2021(at day: Day? = nil, swv: String = "VO9901") throws -> KnownState {
        try knownState(swv: swv, at: day, covering: [Day.literal(2021, 10, 1)])
    }

    /// The counting rows answering `swv`'s school year 2021-2022 as known at `day`; none when unanswered.
    public func knownRows2021(at day: Day? = nil, swv: String = "VO9901") throws -> CountingRowPool {
        try knownState2021(at: day, swv: swv).schoolYears.first?.rows ?? CountingRowPool([Registration]())
    }
}
