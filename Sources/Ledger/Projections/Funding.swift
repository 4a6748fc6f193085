/// The (v)so ondersteuningsbekostiging deducted from an SWV's budget for one funding year: the
/// pupils counted on the regime's teldatum priced per band and category, plus, where the
/// regime has one, the transfer for the growth on the preceding peildatum.
public struct Funding: Sendable {
    /// Pupils and amount for one band and category.
    public struct Line: Sendable, Equatable {
        /// The rate band.
        public let band: RateBand
        /// The category; nil for pupils whose row has none.
        public let category: FundingCategory?
        /// Pupils charged: counted on the teldatum, or the positive net growth.
        public let pupils: Int
        /// The amount per pupil; nil when the rate table has none for this cell.
        public let perPupil: Money?
        /// For a growth line: the net growth, which may be negative and is then not charged.
        public let netGrowth: Int?

        /// `pupils × perPupil`; nil without a rate.
        public var amount: Money? { perPupil.map { $0 * pupils } }
    }

    /// The funding year.
    public let year: FundingYear
    /// The regime's name.
    public let regime: String
    /// The rate table version used.
    public let rates: RateTable.Version
    /// The teldatum.
    public let teldatum: Day
    /// The deduction for the pupils counted on the teldatum.
    public let lines: [Line]
    /// The growth peildatum whose transfer is included; nil when the regime has none.
    public let growthPeildatum: Day?
    /// The growth transfer, per band and category whose net growth is not zero.
    public let growthLines: [Line]

    /// The funding of `year` under `regime` with `rates`, from the pupils counted on the
    /// teldatum and, when the regime transfers growth, the growth to add.
    /// - Precondition: `counted.day` is the regime's teldatum of `year`.
    public init(year: FundingYear, regime: FundingRegime, rates: RateTable.Version, counted: CountedPupils, growth: Growth?) {
        self.year = year
        self.regime = regime.name
        self.rates = rates
        self.teldatum = counted.day
        let teldatum = counted.day
        func cells(_ counted: CountedPupils) -> [Cell: Int] {
            counted.tally { Cell(band: regime.band(of: $0.row, on: teldatum), category: $0.row.category) }
        }
        let now = cells(counted)
        lines = now.keys.sorted().map { cell in
            Line(band: cell.band, category: cell.category, pupils: now[cell] ?? 0, perPupil: cell.rate(in: rates), netGrowth: nil)
        }
        if let growth, regime.growthTransfer != nil {
            growthPeildatum = growth.peildatum
            let (was, grew) = (cells(growth.before), cells(growth.after))
            growthLines = Set(was.keys).union(grew.keys).sorted().compactMap { cell in
                let net = (grew[cell] ?? 0) - (was[cell] ?? 0)
                guard net != 0 else { return nil }
                return Line(band: cell.band, category: cell.category, pupils: max(0, net), perPupil: cell.rate(in: rates), netGrowth: net)
            }
        } else {
            growthPeildatum = nil
            growthLines = []
        }
    }

    /// The funding of `year` under `regime` charged to `swv`, from the pupils `rules` count on
    /// `days`, each day from the releases of `state` that answer it: the teldatum priced, plus
    /// the growth transfer where the regime has one; nil when `state` does not cover every day.
    public init?(
        year: FundingYear, regime: FundingRegime, days: FundingDays, rates: RateTable.Version, state: KnownState,
        rules: CountingRules, payingSwv swv: String?
    ) {
        func counted(_ day: Day) -> CountedPupils? { state.counted(on: day, selection: .rules(rules), payingSwv: swv) }
        guard let teldatum = counted(days.teldatum) else { return nil }
        var growth: Growth?
        if let reference = days.growthReference, let peildatum = days.growthPeildatum {
            guard let before = counted(reference), let after = counted(peildatum) else { return nil }
            growth = Growth(from: before, to: after)
        }
        self.init(year: year, regime: regime, rates: rates, counted: teldatum, growth: growth)
    }

    /// The sum of every line that has a rate.
    public var total: Money {
        (lines + growthLines).compactMap(\.amount).reduce(.zero, +)
    }

    /// Pupils charged on lines without a rate (no category, or a cell the table lacks).
    public var unpriced: Int {
        (lines + growthLines).filter { $0.perPupil == nil }.map(\.pupils).reduce(0, +)
    }

    /// A band and category.
    private struct Cell: Hashable, Comparable {
        let band: RateBand
        let category: FundingCategory?

        func rate(in rates: RateTable.Version) -> Money? {
            category.flatMap { rates.perPupil(band, $0) }
        }

        static func < (lhs: Cell, rhs: Cell) -> Bool {
            if lhs.band != rhs.band { return lhs.band < rhs.band }
            switch (lhs.category, rhs.category) {
            case (let l?, let r?): return l < r
            case (_?, nil): return true
            default: return false
            }
        }
    }
}
